package dev.vizgate.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vizgate.sandbox.TableauStandIn;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's many-customers page in a real browser (headless Chromium): Acme and Globex are tenants of one gateway, each
 * with its own site and connected app on one stand-in pod. Acme's user sees Acme's site, with Acme's own token; a
 * Globex user's page, however it asks, gets no Acme token. Saves target/demo-customers-screenshot.png.
 */
class DemoCustomersBrowserIT extends DemoInChromium {
    static void openCustomer(String tenant, String user) throws InterruptedException {
        browser.get(demo.customersGateway().baseUrl() + "/");
        waitFor("the customers", () -> !browser.findElements(By.cssSelector("#customer option[value='" + tenant + "']")).isEmpty());
        browser.findElement(By.cssSelector("#customer option[value='" + tenant + "']")).click();
        waitFor("the customer's users", () -> !browser.findElements(By.cssSelector("#user option[value='" + user + "']")).isEmpty());
        browser.findElement(By.cssSelector("#user option[value='" + user + "']")).click();
    }

    /** What the view inside the page shows: its user, its site and its regions, or its sign-in prompt. */
    static String view() {
        return inViz("viz", () -> browser.findElement(By.id("user")).getText() + " on " + browser.findElement(By.id("site")).getText()
                + " sees " + browser.findElement(By.id("regions")).getText());
    }

    /** The token route as this page can call it: with the page's own proof (its platform's assertion), on {@code path}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> fetchWithThePagesProof(String path) {
        var result = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                window.vizgateProof().then(p => fetch(arguments[0], { method: 'POST',
                    headers: { 'Authorization': 'Bearer ' + p, 'Content-Type': 'application/json' }, body: '{}' }))
                  .then(async r => done({ status: r.status, body: await r.text() }), e => done({ status: -1, body: String(e) }));
                """, path);
        return (Map<String, Object>) result;
    }

    @Test
    void acmesUser_seesAcmesSite_signedWithAcmesOwnConnectedApp() throws Exception {
        openCustomer("acme", "alice@acme.example");
        browser.findElement(By.id("embed-button")).click();
        waitFor("Acme's view", () -> status().startsWith("Embedded Acme's view for alice@acme.example") || status().startsWith("Sign-in failed"));
        waitFor("Acme's dashboard", () -> !view().equals("loading"));
        assertThat(view()).isEqualTo("alice@acme.example on acme sees West");
        var token = fetchWithThePagesProof("/v1/tableau/token");
        assertThat(token.get("status")).as(String.valueOf(token.get("body"))).isEqualTo(200L);
        var jwt = new ObjectMapper().readTree(String.valueOf(token.get("body"))).get("token").asText();
        assertThat(demo.customersPod().verifyOn("acme", jwt)).isInstanceOf(TableauStandIn.Verdict.Accepted.class);
        assertThat(demo.customersPod().verifyOn("globex", jwt)).as("Globex's site does not know Acme's connected app")
                .isInstanceOf(TableauStandIn.Verdict.Refused.class);
        assertThat(HeadlessChromium.screenshot(browser, "demo-customers-screenshot").length).isGreaterThan(10_000);
    }

    @Test
    void globexsPage_cannotGetAnAcmeToken_byNamingAcme_andItsOwnTokenOpensNoAcmeView() throws Exception {
        openCustomer("globex", "bob@globex.example");
        var named = fetchWithThePagesProof("/v1/tenants/acme/tableau/token");
        assertThat(named.get("status")).isEqualTo(403L);
        assertThat(String.valueOf(named.get("body"))).contains("urn:vizgate:problem:tenant-not-covered");
        var own = fetchWithThePagesProof("/v1/tableau/token");
        assertThat(own.get("status")).as(String.valueOf(own.get("body"))).isEqualTo(200L);
        var jwt = new ObjectMapper().readTree(String.valueOf(own.get("body"))).get("token").asText();
        assertThat(demo.customersPod().verifyOn("globex", jwt)).isInstanceOf(TableauStandIn.Verdict.Accepted.class);
        assertThat(demo.customersPod().verifyOn("acme", jwt)).as("Globex's token signs no one in to Acme's site")
                .isInstanceOf(TableauStandIn.Verdict.Refused.class);

        browser.findElement(By.id("embed-button")).click();
        waitFor("Globex's view", () -> status().startsWith("Embedded Globex's view for bob@globex.example") || status().startsWith("Sign-in failed"));
        waitFor("Globex's dashboard", () -> !view().equals("loading"));
        assertThat(view()).isEqualTo("bob@globex.example on globex sees East");
    }
}
