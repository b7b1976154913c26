package dev.vizgate.domain.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** tableau.md §4 and §8: every rejection code in the references maps to its name, its evidence and its source. */
class TableauErrorCodeTest {
    @ParameterizedTest
    @CsvSource({"5, SYSTEM_USER_NOT_FOUND", "16, LOGIN_FAILED", "67, FEATURE_NOT_ENABLED", "126, CONNECTED_APP_NOT_FOUND",
            "127, CONNECTED_APP_SECRET_NOT_FOUND", "128, CONNECTED_APP_SECRET_LIMIT_EXCEEDED", "133, INVALID_DOMAIN_ALLOWLIST",
            "10083, BAD_JWT", "10084, JWT_PARSE_ERROR", "10085, COULD_NOT_FETCH_JWT_KEYS",
            "10087, BLOCKLISTED_ALGORITHM", "10089, CONNECTED_APP_NOT_FOUND_OR_DISABLED", "10090, CONNECTED_APP_DISABLED"})
    void givenDocumentedCode_fromCode_findsIt(int code, TableauErrorCode expected) {
        assertThat(TableauErrorCode.fromCode(code)).contains(expected);
        assertThat(expected.cause()).isNotBlank();
        assertThat(expected.fix()).isNotBlank();
    }

    /** The name each code carries on the wire is the one Tableau's table gives it, or none where it gives none. */
    @ParameterizedTest
    @CsvSource({"5, SYSTEM_USER_NOT_FOUND", "16, LOGIN_FAILED", "67, FEATURE_NOT_ENABLED", "126, CONNECTED_APP_NOT_FOUND",
            "127, CONNECTED_APP_SECRET_NOT_FOUND", "10083, BAD_JWT", "10084, JWT_PARSE_ERROR", "10085, COULD_NOT_FETCH_JWT_KEYS",
            "10089, CONNECTED_APP_NOT_FOUND", "10090, CONNECTED_APP_DISABLED"})
    void givenANamedCode_itsTableauName_isTheReferencesName(int code, String name) {
        var c = TableauErrorCode.fromCode(code).orElseThrow();
        assertThat(c.tableauName()).contains(name);
        assertThat(c.shown()).isEqualTo(code + " " + name);
    }

    /** tableau.md §8: the codes only field reports give are marked so, with the reports they come from; 10096 is a KB article's. */
    @ParameterizedTest
    @CsvSource({"10081, COULD_NOT_RETRIEVE_IDP_METADATA, FIELD_REPORT", "10082, AUTHORIZATION_SERVER_ISSUER_NOT_SPECIFIED, FIELD_REPORT",
            "10088, RSA_KEY_SIZE_INVALID, FIELD_REPORT", "10091, JTI_ALREADY_USED, FIELD_REPORT", "10099, SCOPES_MISSING_OR_NOT_A_LIST, FIELD_REPORT",
            "10096, JWT_EXPIRATION_EXCEEDS_CONFIGURED_EXPIRATION_PERIOD, DOCUMENTED", "16, LOGIN_FAILED, DOCUMENTED"})
    void givenACodeFromTheReferences_itIsMarkedWithItsEvidenceAndSource(int code, TableauErrorCode expected, TableauErrorCode.Evidence evidence) {
        assertThat(TableauErrorCode.fromCode(code)).contains(expected);
        assertThat(expected.evidence()).isEqualTo(evidence);
        assertThat(expected.source()).isNotBlank();
        if (evidence == TableauErrorCode.Evidence.FIELD_REPORT) {
            assertThat(expected.source()).contains("FINDINGS");
        }
    }

    @ParameterizedTest
    @CsvSource({"128", "133", "10087", "10099"})
    void givenACodeTableauGivesNoName_itCarriesNone(int code) {
        var c = TableauErrorCode.fromCode(code).orElseThrow();
        assertThat(c.tableauName()).isEmpty();
        assertThat(c.shown()).isEqualTo(Integer.toString(code));
    }

    @ParameterizedTest
    @CsvSource({"0", "17", "10086", "10092", "10095", "10097", "10098"})
    void givenUndocumentedCode_fromCode_isEmpty(int code) {
        assertThat(TableauErrorCode.fromCode(code)).isEmpty();
    }
}
