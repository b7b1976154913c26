package dev.vizgate.sdk;

import dev.vizgate.assembly.DefaultAssembly;
import dev.vizgate.sdk.spi.Assembly;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Vizgate#findAssemblyAhead()}: the search for the assembly may start early on a thread of its own, and then
 * {@code build()} takes what it found; what it found wrong is reported as a search at {@code build()} would report it.
 */
class AssemblySearchAheadTest {
    private static final Assembly AN_ASSEMBLY = (Assembly) Proxy.newProxyInstance(Assembly.class.getClassLoader(),
            new Class<?>[] {Assembly.class}, (proxy, method, args) -> {
                throw new UnsupportedOperationException(method.getName());
            });

    /** A search that records the threads it ran on and answers what it is given. */
    private static final class Search implements Function<ClassLoader, List<Assembly>> {
        final List<String> threads = new CopyOnWriteArrayList<>();
        final Function<ClassLoader, List<Assembly>> answer;

        Search(Function<ClassLoader, List<Assembly>> answer) {
            this.answer = answer;
        }

        @Override
        public List<Assembly> apply(ClassLoader loader) {
            threads.add(Thread.currentThread().getName());
            return answer.apply(loader);
        }
    }

    @Test
    void givenTheSearchStartedAhead_theAssemblyIsTheOneItFound_searchedOnceOnItsOwnThread() {
        var search = new Search(loader -> List.of(AN_ASSEMBLY));
        var assemblies = new Assemblies(search);
        assemblies.startLooking();
        assemblies.startLooking(); // a second start while the first runs adds no second search
        assertThat(assemblies.one()).isSameAs(AN_ASSEMBLY);
        assertThat(assemblies.one()).isSameAs(AN_ASSEMBLY);
        assertThat(search.threads).containsExactly(Assemblies.LOOKUP_THREAD);
    }

    @Test
    void givenNoSearchAhead_theAssemblyIsSearchedInTheCallersThread() {
        var search = new Search(loader -> List.of(AN_ASSEMBLY));
        assertThat(new Assemblies(search).one()).isSameAs(AN_ASSEMBLY);
        assertThat(search.threads).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void givenACallersContextLoader_theSearchAhead_usesIt() {
        var loaders = new CopyOnWriteArrayList<ClassLoader>();
        var assemblies = new Assemblies(loader -> {
            loaders.add(loader);
            return List.of(AN_ASSEMBLY);
        });
        var mine = new ClassLoader(getClass().getClassLoader()) {
        };
        var before = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(mine);
        try {
            assemblies.startLooking();
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
        assemblies.one();
        assertThat(loaders).containsExactly(mine);
    }

    @Test
    void givenTheSearchAheadFoundNone_buildSaysWhatToAdd_andTheNextBuildLooksAgain() {
        var search = new Search(loader -> List.of());
        var assemblies = new Assemblies(search);
        assemblies.startLooking();
        assertThatThrownBy(assemblies::one).isInstanceOfSatisfying(AssemblyMissing.class,
                e -> assertThat(e.fix()).contains("dev.vizgate:vizgate-assembly", "<scope>runtime</scope>"));
        assertThatThrownBy(assemblies::one).isInstanceOf(AssemblyMissing.class);
        assertThat(search.threads).containsExactly(Assemblies.LOOKUP_THREAD, Thread.currentThread().getName());
    }

    @Test
    void givenTheSearchAheadFoundTwo_buildSaysItIsAmbiguous() {
        var assemblies = new Assemblies(loader -> List.of(AN_ASSEMBLY, AN_ASSEMBLY));
        assemblies.startLooking();
        assertThatThrownBy(assemblies::one).isInstanceOf(AssemblyMissing.class).hasMessageStartingWith("2 Vizgate assemblies are on the runtime classpath");
    }

    @Test
    void givenTheSearchAheadFailed_buildThrowsWhatTheSearchThrew_unwrapped() {
        var broken = new ServiceConfigurationError("dev.vizgate.sdk.spi.Assembly: provider not found");
        var assemblies = new Assemblies(loader -> {
            throw broken;
        });
        assemblies.startLooking();
        assertThatThrownBy(assemblies::one).isSameAs(broken);
    }

    @Test
    void givenTheAssemblyJar_findingAhead_findsTheDefaultAssembly() {
        Vizgate.findAssemblyAhead();
        assertThat(Assemblies.found()).isInstanceOf(DefaultAssembly.class);
    }
}
