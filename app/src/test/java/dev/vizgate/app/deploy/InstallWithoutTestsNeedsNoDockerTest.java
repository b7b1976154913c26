package dev.vizgate.app.deploy;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A library user's {@code ./mvnw install -DskipTests}, and the README's first command, need no Docker engine and download
 * no Keycloak: with skipTests the image build (Jib) and everything the ITs need are skipped, while a test run still
 * builds and tests the image. Read from app's POM, where the build takes it from.
 */
class InstallWithoutTestsNeedsNoDockerTest {
    static Element pom() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        return factory.newDocumentBuilder().parse(Path.of("pom.xml").toFile()).getDocumentElement();
    }

    static List<Element> all(Element parent, String name) {
        var out = new ArrayList<Element>();
        var nodes = parent.getElementsByTagName(name);
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    static String child(Element parent, String name) {
        var nodes = parent.getElementsByTagName(name);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }

    static Map<String, String> properties(Element holder) {
        var out = new HashMap<String, String>();
        for (var props : all(holder, "properties")) {
            if (props.getParentNode() == holder) {
                var children = props.getChildNodes();
                for (int i = 0; i < children.getLength(); i++) {
                    if (children.item(i) instanceof Element e) {
                        out.put(e.getTagName(), e.getTextContent().strip());
                    }
                }
            }
        }
        return out;
    }

    @Test
    void givenSkipTests_theImageAndTheItsDownloadsAreSkipped() throws Exception {
        var pom = pom();
        var profile = all(pom, "profile").stream().filter(p -> child(p, "id").equals("tests-skipped")).findFirst().orElseThrow();
        assertThat(child((Element) profile.getElementsByTagName("activation").item(0), "name")).isEqualTo("skipTests");
        assertThat(properties(profile)).containsEntry("jib.skip", "true").containsEntry("skipITs", "true");
    }

    @Test
    void withoutSkipTests_theImageIsBuiltWhenTheItsRun() throws Exception {
        assertThat(properties(pom())).containsEntry("jib.skip", "${skipITs}");
    }

    @Test
    void everyKeycloakStep_isSkippedWithTheIts() throws Exception {
        var steps = all(pom(), "execution").stream().filter(e -> child(e, "id").contains("keycloak")).toList();
        assertThat(steps).extracting(e -> child(e, "id")).contains("copy-keycloak", "keycloak-checksum", "unpack-keycloak");
        assertThat(steps).allSatisfy(e -> assertThat(child(e, "skip")).as(child(e, "id")).isEqualTo("${skipITs}"));
    }
}
