package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.Scope;
import dev.vizgate.domain.model.Scopes;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.UserAttributes;
import dev.vizgate.domain.policy.CallerAllowance;
import dev.vizgate.domain.usecase.WhoMayChoose.Choice;
import dev.vizgate.domain.usecase.WhoMayChoose.Chooser;
import dev.vizgate.domain.usecase.WhoMayChoose.Decision;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WhoMayChooseTest {
    static final Subject ALICE = new Subject("alice@example.com");
    static final Subject MALLORY = new Subject("mallory@example.com");
    static final Scopes EMBED = Scopes.parse(List.of("tableau:views:embed"));
    static final Scopes ADMIN = Scopes.parse(List.of("tableau:users:create"));
    static final UserAttributes REGION_WEST = UserAttributes.none().with("Region", "West");

    static Chooser.SignedUser signedByThePlatform() {
        return new Chooser.SignedUser(ALICE, Optional.of(EMBED), REGION_WEST, Chooser.Signer.PLATFORM_ASSERTION);
    }

    static Chooser.Backend backendAllowedOnly(Scopes scopes, String attribute) {
        return new Chooser.Backend(new CallerAllowance(Optional.of(Set.copyOf(scopes.values())),
                Optional.of(Map.of(attribute, CallerAllowance.AttributeRule.anyValue(attribute)))));
    }

    @Test
    void givenABrowserNamingNoChoice_actingUser_isItsSignedSubject() {
        var decision = WhoMayChoose.actingUser(signedByThePlatform(), List.of(), Optional.of(MALLORY));
        assertThat(decision).isInstanceOfSatisfying(Decision.Decided.class, d -> assertThat(d.request().subject()).isEqualTo(ALICE));
    }

    @Test
    void givenABrowserNamingChoices_actingUser_isRefused_namingThemAndWhoSignedInstead() {
        var platform = WhoMayChoose.actingUser(signedByThePlatform(), List.of(Choice.USER, Choice.SCOPES), Optional.empty());
        assertThat(platform).isEqualTo(new Decision.BrowserMayNotChoose(List.of(Choice.USER, Choice.SCOPES), Chooser.Signer.PLATFORM_ASSERTION));
        var idp = new Chooser.SignedUser(ALICE, Optional.empty(), UserAttributes.none(), Chooser.Signer.IDENTITY_PROVIDER);
        assertThat(WhoMayChoose.actingUser(idp, List.of(Choice.ATTRIBUTES), Optional.empty()))
                .isEqualTo(new Decision.BrowserMayNotChoose(List.of(Choice.ATTRIBUTES), Chooser.Signer.IDENTITY_PROVIDER));
    }

    @Test
    void givenABackendNamingAUser_actingUser_isThatUser_andWithoutOne_isRequired() {
        var backend = new Chooser.Backend(CallerAllowance.unrestricted());
        assertThat(WhoMayChoose.actingUser(backend, List.of(Choice.USER, Choice.SCOPES), Optional.of(MALLORY)))
                .isInstanceOfSatisfying(Decision.Decided.class, d -> assertThat(d.request().subject()).isEqualTo(MALLORY));
        assertThat(WhoMayChoose.actingUser(backend, List.of(Choice.SCOPES), Optional.empty())).isInstanceOf(Decision.UserRequired.class);
    }

    @Test
    void givenABrowser_tokenRequest_carriesExactlyWhatWasSigned() {
        var decision = WhoMayChoose.tokenRequest(signedByThePlatform(), ALICE, Optional.empty(), Optional.empty());
        assertThat(decision).isInstanceOfSatisfying(Decision.Decided.class, d -> {
            assertThat(d.request().subject()).isEqualTo(ALICE);
            assertThat(d.request().scopes()).contains(EMBED);
            assertThat(d.request().attributes()).isEqualTo(REGION_WEST);
        });
        var unsignedScopes = new Chooser.SignedUser(ALICE, Optional.empty(), UserAttributes.none(), Chooser.Signer.IDENTITY_PROVIDER);
        assertThat(WhoMayChoose.tokenRequest(unsignedScopes, ALICE, Optional.empty(), Optional.empty()))
                .as("no signed scopes: the gateway's default scopes apply")
                .isInstanceOfSatisfying(Decision.Decided.class, d -> assertThat(d.request().scopes()).isEmpty());
    }

    @Test
    void givenABrowserAskingForScopesOrAttributes_tokenRequest_isRefused() {
        assertThat(WhoMayChoose.tokenRequest(signedByThePlatform(), ALICE, Optional.of(ADMIN), Optional.of(UserAttributes.none())))
                .isEqualTo(new Decision.BrowserMayNotChoose(List.of(Choice.SCOPES, Choice.ATTRIBUTES), Chooser.Signer.PLATFORM_ASSERTION));
        assertThat(WhoMayChoose.tokenRequest(signedByThePlatform(), ALICE, Optional.empty(), Optional.of(REGION_WEST)))
                .isEqualTo(new Decision.BrowserMayNotChoose(List.of(Choice.ATTRIBUTES), Chooser.Signer.PLATFORM_ASSERTION));
    }

    @Test
    void givenABackendWithinItsLists_tokenRequest_carriesWhatItAskedFor() {
        var decision = WhoMayChoose.tokenRequest(backendAllowedOnly(EMBED, "Region"), MALLORY, Optional.of(EMBED), Optional.of(REGION_WEST));
        assertThat(decision).isInstanceOfSatisfying(Decision.Decided.class, d -> {
            assertThat(d.request().subject()).isEqualTo(MALLORY);
            assertThat(d.request().scopes()).contains(EMBED);
            assertThat(d.request().attributes()).isEqualTo(REGION_WEST);
        });
        assertThat(WhoMayChoose.tokenRequest(backendAllowedOnly(EMBED, "Region"), MALLORY, Optional.empty(), Optional.empty()))
                .isInstanceOfSatisfying(Decision.Decided.class, d -> {
                    assertThat(d.request().scopes()).isEmpty();
                    assertThat(d.request().attributes()).isEqualTo(UserAttributes.none());
                });
    }

    @Test
    void givenABackendBeyondItsLists_tokenRequest_listsEverythingBeyond() {
        var decision = WhoMayChoose.tokenRequest(backendAllowedOnly(EMBED, "Region"), MALLORY, Optional.of(ADMIN),
                Optional.of(UserAttributes.none().with("Team", "Red")));
        assertThat(decision).isInstanceOfSatisfying(Decision.BeyondAllowance.class, b -> assertThat(b.refusals())
                .extracting(CallerAllowance.Refusal::kind, CallerAllowance.Refusal::what)
                .containsExactlyInAnyOrder(Tuple.tuple(CallerAllowance.Refusal.Kind.SCOPE, new Scope("tableau:users:create").value()),
                        Tuple.tuple(CallerAllowance.Refusal.Kind.ATTRIBUTE_NAME, "Team")));
    }

    @Test
    void choicesNamedByARequest_comeInTheOrderUserScopesAttributes_withTheirFieldNames() {
        assertThat(Choice.namedBy(Set.of("attributes", "user", "other")::contains)).containsExactly(Choice.USER, Choice.ATTRIBUTES);
        assertThat(Choice.SCOPES.field()).isEqualTo("scopes");
        assertThat(Choice.namedBy(f -> false)).isEmpty();
        assertThat(Choice.namedBy(f -> true)).containsExactly(Choice.USER, Choice.SCOPES, Choice.ATTRIBUTES);
        assertThat(Choice.namedBy("scopes"::equals)).containsExactly(Choice.SCOPES);
        assertThat(Choice.namedBy(Set.of("scopes", "attributes")::contains)).containsExactly(Choice.SCOPES, Choice.ATTRIBUTES);
        assertThat(Choice.namedBy(Set.of("user", "scopes")::contains)).containsExactly(Choice.USER, Choice.SCOPES);
    }

    @Test
    void theChoicesNamed_cannotBeChangedByTheirCaller() {
        var named = Choice.namedBy("user"::equals);
        assertThatThrownBy(() -> named.add(Choice.SCOPES)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(Choice.namedBy("user"::equals)).containsExactly(Choice.USER);
    }
}
