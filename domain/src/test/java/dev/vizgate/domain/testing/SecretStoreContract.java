package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.SecretFetch;
import dev.vizgate.domain.model.SecretRef;
import dev.vizgate.domain.port.SecretStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link SecretStore} must do. Extend it with the adapter under test and a way to write its backing
 * store (the real service, its stand-in, a file, the environment); writing is the test's, reading the port's.
 */
public abstract class SecretStoreContract {
    /** The store under test. */
    protected abstract SecretStore store();

    /** Writes {@code value} as the newest version of the secret {@code ref} names, creating it if needed. */
    protected abstract void write(SecretRef ref, String value);

    /** A reference to a secret this test may write, unique per call. */
    protected abstract SecretRef freshRef();

    /** A reference that names nothing in the backing store. */
    protected abstract SecretRef missingRef();

    /** Takes the backing store away, so reads cannot be answered (a stopped server, a dead endpoint). */
    protected abstract SecretStore unreachableStore();

    @Test
    void givenWrittenSecret_fetch_answersItsValueAndAVersion() {
        var ref = freshRef();
        write(ref, "first-value-0001");
        var found = (SecretFetch.Found) store().fetch(ref);
        assertThat(found.secret().value()).isEqualTo("first-value-0001");
        assertThat(found.secret().version().value()).isNotBlank();
    }

    @Test
    void givenNewVersion_fetch_answersTheNewValueUnderANewVersion() {
        var ref = freshRef();
        write(ref, "first-value-0001");
        var first = ((SecretFetch.Found) store().fetch(ref)).secret();
        write(ref, "second-value-0002");
        var second = ((SecretFetch.Found) store().fetch(ref)).secret();
        assertThat(second.value()).isEqualTo("second-value-0002");
        assertThat(second.version()).isNotEqualTo(first.version());
    }

    @Test
    void givenUnchangedSecret_fetchTwice_answersTheSameVersion() {
        var ref = freshRef();
        write(ref, "steady-value-0003");
        var a = ((SecretFetch.Found) store().fetch(ref)).secret();
        var b = ((SecretFetch.Found) store().fetch(ref)).secret();
        assertThat(b).isEqualTo(a);
    }

    @Test
    void givenNoSuchSecret_fetch_isMissing_andSaysWhichWithoutAValue() {
        var fetched = store().fetch(missingRef());
        assertThat(fetched).isInstanceOf(SecretFetch.Missing.class);
    }

    @Test
    void givenStoreOutOfReach_fetch_isUnavailable_notMissing() {
        var ref = freshRef();
        write(ref, "kept-value-0004");
        assertThat(unreachableStore().fetch(ref)).isInstanceOf(SecretFetch.Unavailable.class);
    }

    @Test
    void fetchedSecret_neverPrintsItsValue() {
        var ref = freshRef();
        write(ref, "printed-nowhere-0005");
        var fetched = store().fetch(ref);
        assertThat(fetched.toString()).doesNotContain("printed-nowhere-0005");
    }
}
