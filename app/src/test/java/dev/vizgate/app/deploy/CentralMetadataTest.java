package dev.vizgate.app.deploy;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each artifact the build installs carries what Maven Central requires of a POM: a name, a description, a URL, the
 * licence (Apache-2.0, as LICENSE), developers, and SCM. The parent states what its modules inherit; the BOM, which has
 * no parent, states it itself; each module names and describes itself.
 */
class CentralMetadataTest {
    static final Path ROOT = Path.of("..");

    static Element pom(Path file) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
    }

    static String text(Element pom, String path) {
        Element at = pom;
        for (var name : path.split("/")) {
            var children = at.getElementsByTagName(name);
            if (children.getLength() == 0) {
                return "";
            }
            at = (Element) children.item(0);
        }
        return at.getTextContent().strip();
    }

    @Test
    void theParentAndTheBom_stateEverythingCentralRequires() throws Exception {
        for (var file : List.of(ROOT.resolve("pom.xml"), ROOT.resolve("vizgate-bom/pom.xml"))) {
            var pom = pom(file);
            assertThat(text(pom, "licenses/license/name")).as(file + " licence").isEqualTo("Apache-2.0");
            assertThat(text(pom, "url")).as(file + " url").startsWith("https://");
            assertThat(text(pom, "developers/developer/name")).as(file + " developers").isNotBlank();
            assertThat(text(pom, "scm/connection")).as(file + " scm").startsWith("scm:git:");
            assertThat(text(pom, "scm/developerConnection")).as(file + " scm").startsWith("scm:git:");
            assertThat(text(pom, "scm/url")).as(file + " scm").startsWith("https://");
        }
        assertThat(Files.readString(ROOT.resolve("LICENSE"))).contains("Apache License", "Version 2.0");
    }

    @Test
    void everyModule_namesAndDescribesItself() throws Exception {
        var parent = pom(ROOT.resolve("pom.xml"));
        var modules = parent.getElementsByTagName("module");
        assertThat(modules.getLength()).isGreaterThan(10);
        for (int i = 0; i < modules.getLength(); i++) {
            var module = modules.item(i).getTextContent().strip();
            var pom = pom(ROOT.resolve(module).resolve("pom.xml"));
            assertThat(text(pom, "name")).as(module + " name").isNotBlank();
            assertThat(text(pom, "description")).as(module + " description").isNotBlank();
        }
    }
}
