package dev.vizgate.domain.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** salesforce.md §1–§2, §4: each documented OAuth error in plain words, with what to do. */
class SalesforceErrorsTest {
    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', textBlock = """
            invalid_grant | user hasn't approved this consumer | permission set
            invalid_grant | User hasn’t approved this consumer | permission set
            invalid_grant | audience is invalid | the JWT bearer assertion's audience
            invalid_grant | Audience validation failed | the JWT bearer assertion's audience
            invalid_grant | expired authorization code | NTP
            invalid_grant | expired access/refresh token | authorize again
            invalid_grant | request not supported on this domain | My Domain
            invalid_client | External client app is not installed in this org | not installed
            invalid_grant | authentication failure | vizgate doctor
            invalid_client_id | | consumer key is unknown
            invalid_client | | Flow Enablement
            unsupported_grant_type | | not enabled for the app
            inactive_user | | inactive
            inactive_org | | org is inactive
            rate_limit_exceeded | | rate-limiting
            invalid_request | | code_verifier
            invalid_grant | something else | pre-authorization
            app_not_found | | My Domain URL
            something_new | | its error is given above
            """)
    void givenADocumentedError_explain_saysWhatToDo(String error, String description, String hint) {
        assertThat(SalesforceErrors.explain(error, description)).contains(hint);
    }

    @Test
    void givenNoErrorAtAll_explain_stillAnswers() {
        assertThat(SalesforceErrors.explain(null, null)).contains("refused");
    }
}
