package dev.vizgate.domain.model;

import dev.vizgate.domain.testing.TestClaims;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** tableau.md §1: the claims of a Tableau token, in the one layout every signer writes ({@link Claims#writeTo}). */
public class ClaimLayoutTest {
    /** Records what the layout writes, as "name=value" lines with the value's kind. */
    public static List<String> written(Claims claims) {
        var out = new ArrayList<String>();
        claims.writeTo(new ClaimWriter() {
            @Override
            public void text(String name, String value) {
                out.add(name + "=text:" + value);
            }

            @Override
            public void seconds(String name, long epochSeconds) {
                out.add(name + "=seconds:" + epochSeconds);
            }

            @Override
            public void texts(String name, List<String> values) {
                out.add(name + "=texts:" + values);
            }

            @Override
            public void flag(String name, boolean value) {
                out.add(name + "=flag:" + value);
            }
        });
        return out;
    }

    @Test
    void givenEveryClaim_writeTo_walksIssSubAudJtiIatNbfExpScpAttributesThenOnDemandAccess() {
        var claims = TestClaims.valid().withScopes("tableau:views:embed")
                .withAttributes(new UserAttributes(Map.of("region", AttributeValue.of("West"))))
                .withOnDemandAccess(OnDemandAccess.inGroups("Sales")).build();
        var iat = claims.issuedAt().getEpochSecond();
        var lines = written(claims);
        assertThat(lines).containsExactly(
                "iss=text:" + claims.issuer().value(), "sub=text:" + claims.subject().value(), "aud=text:tableau",
                "jti=text:" + claims.tokenId().value(), "iat=seconds:" + iat,
                "nbf=seconds:" + claims.notBefore().orElseThrow().getEpochSecond(), "exp=seconds:" + claims.expiresAt().getEpochSecond(),
                "scp=texts:[tableau:views:embed]", "region=text:West",
                OnDemandAccess.ODA_CLAIM + "=flag:true", OnDemandAccess.GROUPS_CLAIM + "=texts:[Sales]");
    }

    @Test
    void givenManyValuedAttribute_andStringFlagStyle_writeTo_writesAnArrayAndAStringFlag() {
        var claims = TestClaims.valid().withAttributes(new UserAttributes(Map.of("region", AttributeValue.of(List.of("West", "East")))))
                .withOnDemandAccess(OnDemandAccess.inGroups("Sales").withFlagStyle(OnDemandAccess.FlagStyle.STRING)).build();
        assertThat(written(claims)).contains("region=texts:[West, East]", OnDemandAccess.ODA_CLAIM + "=text:true");
    }

    @Test
    void givenNoScopesNoNbfNoOda_writeTo_leavesThemOut() {
        var base = TestClaims.valid().withScopes().build();
        var claims = new Claims(base.issuer(), base.subject(), base.audience(), base.tokenId(), base.issuedAt(), Optional.empty(),
                base.expiresAt(), base.scopes(), UserAttributes.none(), Optional.empty());
        assertThat(written(claims)).extracting(l -> l.substring(0, l.indexOf('='))).containsExactly("iss", "sub", "aud", "jti", "iat", "exp");
    }

    @Test
    void givenSeveralAttributes_writeTo_writesThemInTheOrderGiven() {
        var claims = TestClaims.valid().withAttributes(UserAttributes.none().with("zone", "North").with("account", List.of("a1", "a2"))
                .with("region", "West")).build();
        assertThat(written(claims)).containsSubsequence("zone=text:North", "account=texts:[a1, a2]", "region=text:West");
    }
}
