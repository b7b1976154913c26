package dev.vizgate.spring.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code vizgate.*} namespace. Its keys are the gateway's YAML keys, read through the config module's mapping (see
 * {@link SpringProperties}); this class only anchors the namespace for Spring, and every key is described to IDEs in
 * {@code META-INF/additional-spring-configuration-metadata.json}, generated from the configuration's records and checked
 * against them by the build ({@code ConfigurationMetadataMatchesTheConfigTest}).
 */
@ConfigurationProperties(prefix = SpringProperties.PREFIX)
public class VizgateProperties {
}
