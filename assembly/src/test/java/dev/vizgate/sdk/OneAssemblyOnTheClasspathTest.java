package dev.vizgate.sdk;

import dev.vizgate.assembly.DefaultAssembly;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sdk builds with the one assembly on the runtime classpath; none, or two, is a packaging mistake said in words. */
class OneAssemblyOnTheClasspathTest {
    @Test
    void givenTheAssemblyJar_theSdkFindsItsDefaultAssembly() {
        assertThat(Assemblies.found()).isInstanceOf(DefaultAssembly.class).isSameAs(Assemblies.found());
    }

    @Test
    void givenTwoAssemblies_itIsAmbiguous_andNamesBoth() {
        assertThatThrownBy(() -> Assemblies.theOne(List.of(new DefaultAssembly(), new DefaultAssembly())))
                .isInstanceOfSatisfying(AssemblyMissing.class, e -> assertThat(e.fix()).isEqualTo("keep one vizgate-assembly jar on the runtime classpath"))
                .hasMessageStartingWith("2 Vizgate assemblies are on the runtime classpath (dev.vizgate.assembly.DefaultAssembly, dev.vizgate.assembly.DefaultAssembly)");
    }

    @Test
    void givenNone_itNamesTheArtifactToAdd() {
        assertThatThrownBy(() -> Assemblies.theOne(List.of())).isInstanceOfSatisfying(AssemblyMissing.class,
                e -> assertThat(e.fix()).contains("dev.vizgate:vizgate-assembly", "<scope>runtime</scope>"));
    }

    @Test
    void givenOne_itIsTheOne() {
        var one = new DefaultAssembly();
        assertThat(Assemblies.theOne(List.of(one))).isSameAs(one);
    }
}
