package dev.vizgate.spring.sample;

import dev.vizgate.config.ConfigError;
import dev.vizgate.spring.autoconfigure.VizgateConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A platform's Spring Boot service with a Vizgate mistake in its properties fails to start with Spring Boot's own
 * failure report naming the property, the problem and the fix, rather than burying them at the fifth "Caused by".
 */
@ExtendWith(OutputCaptureExtension.class)
class ConfigurationMistakeReportTest {
    @Test
    void givenAnUnknownKey_theStartupFailureReport_namesTheSettingTheProblemAndTheFix(CapturedOutput output) {
        var app = new SpringApplication(SampleApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(Map.of(
                "vizgate.tableau.server-url", "https://tableau.example.com",
                "vizgate.tableau.site", "mysite",
                "vizgate.tableau.connected-app.client-id", "client-1",
                "vizgate.tableau.connected-app.trust", "direct",
                "vizgate.tableau.connected-app.secrets[0].id", "secret-1",
                "vizgate.tableau.connected-app.secrets[0].value", "c2VjcmV0LXZhbHVlLWZyb20tdGhlLWNvbm5lY3RlZC1hcHAtMTIzNDU2",
                "vizgate.tableau.sever-url", "https://typo.example.com"));
        assertThatThrownBy(app::run).hasRootCauseInstanceOf(ConfigError.class)
                .satisfies(e -> assertThat(e).hasStackTraceContaining(VizgateConfigurationException.class.getName()));
        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START", "Description:",
                "The Vizgate setting 'vizgate.tableau.sever-url' is wrong: unknown key 'sever-url'.", "Action:",
                "Fix vizgate.tableau.sever-url: did you mean server-url?");
    }
}
