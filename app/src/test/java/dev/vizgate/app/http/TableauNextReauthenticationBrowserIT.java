package dev.vizgate.app.http;

import dev.vizgate.app.cli.Demo;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tableau Next through Salesforce's real {@code @salesforce/analytics-embedding-sdk} 2.0.0 (bundled from npm), in
 * headless Chromium: vizgate-embed fetches a frontdoor URL from the gateway, the SDK signs the browser in through the
 * Salesforce stand-in's Lightning Out pages and mounts the dashboard; with the short-session switch on, the module
 * re-authenticates with a fresh frontdoor URL before the session lapses, and the mounted dashboard keeps its session.
 * The two Tableau views embedded first on the same page keep being renewed meanwhile, each renewal a new token (a new
 * jti, which the claims panel follows), and past their first session's end they still show the dashboard, not Tableau's
 * "Sign in" (embedding Tableau Next once stopped them, and they ended on "Your session has ended"). Saves
 * target/tableau-next-embedded.png and target/tableau-next-reauthenticated.png.
 */
class TableauNextReauthenticationBrowserIT extends DemoInChromium {
    /** What the stand-in's dashboard, inside the SDK's component iframe, says about its user and session. */
    static String dashboardSession() {
        return HeadlessChromium.piercingText(browser, "next-user") + " | " + HeadlessChromium.piercingText(browser, "session-state");
    }

    @Test
    void shortSession_isReauthenticatedThroughTheSdk_whileTheTableauViewsBesideItAreRenewedToo() throws Exception {
        assertThat(DemoPage.hasAnalyticsSdk()).as("the build takes @salesforce/analytics-embedding-sdk from npm").isTrue();
        openAs("alice@demo.example");
        switchOn("short-session", "Short session on");
        embedTwoViews("alice@demo.example");
        var viewsEmbeddedAt = System.nanoTime();
        var firstJti = browser.findElement(By.id("viz-overview")).getAttribute("data-vizgate-jti");
        waitFor("the first dashboard", () -> dashboardIn("viz-overview").startsWith("alice@demo.example"));
        var redeemedBefore = demo.salesforce().frontdoorsRedeemed();

        browser.findElement(By.id("next-button")).click();
        HeadlessChromium.waitFor(browser, "Tableau Next embedded", Duration.ofSeconds(40),
                () -> browser.findElement(By.id("status")).getText().startsWith("Tableau Next embedded for alice@demo.example"));
        HeadlessChromium.screenshot(browser, "tableau-next-embedded");
        HeadlessChromium.waitFor(browser, "the dashboard signed in", () -> dashboardSession().startsWith("alice@demo.example | session ends"));
        var signedInAt = System.nanoTime();
        var firstSession = dashboardSession();
        assertThat(demo.salesforce().frontdoorsRedeemed()).as("the SDK followed the frontdoor URL").isEqualTo(redeemedBefore + 1);

        HeadlessChromium.waitFor(browser, "a re-authentication", Duration.ofSeconds(40),
                () -> "1".equals(browser.findElement(By.id("next-renewals")).getAttribute("data-renewals")));
        assertThat(demo.salesforce().frontdoorsRedeemed()).as("a fresh frontdoor URL, followed once").isEqualTo(redeemedBefore + 2);
        // Past the first session's end: without the re-authentication the dashboard would say the session ended.
        var firstSessionEnd = signedInAt + Demo.SHORT_SESSION.plusSeconds(2).toNanos();
        while (System.nanoTime() < firstSessionEnd) {
            Thread.sleep(200);
        }
        assertThat(dashboardSession()).startsWith("alice@demo.example | session ends")
                .as("the dashboard now runs on the new session, which ends later").isNotEqualTo(firstSession);
        assertThat(browser.findElement(By.id("next-renewals")).getText()).isEqualTo("re-authenticated 1×");

        HeadlessChromium.waitFor(browser, "both Tableau views renewed", Duration.ofSeconds(40), () ->
                Integer.parseInt(browser.findElement(By.id("viz-overview-renewals")).getAttribute("data-renewals")) >= 1
                        && Integer.parseInt(browser.findElement(By.id("viz-by-month-renewals")).getAttribute("data-renewals")) >= 1);
        var renewedJti = browser.findElement(By.id("viz-overview")).getAttribute("data-vizgate-jti");
        assertThat(renewedJti).as("a renewal is a new token").isNotEqualTo(firstJti);
        assertThat(browser.findElement(By.cssSelector("#claims td[data-claim='jti']")).getText()).as("the claims panel follows").isEqualTo(renewedJti);
        var viewsFirstSessionEnd = viewsEmbeddedAt + Demo.SHORT_SESSION.plusSeconds(2).toNanos();
        while (System.nanoTime() < viewsFirstSessionEnd) {
            Thread.sleep(200);
        }
        waitFor("the renewed Tableau dashboard", () -> dashboardIn("viz-overview").startsWith("alice@demo.example"));
        assertThat(dashboardIn("viz-overview")).isEqualTo("alice@demo.example sees West");
        assertThat(dashboardIn("viz-by-month")).isEqualTo("alice@demo.example sees West");
        HeadlessChromium.screenshot(browser, "tableau-next-reauthenticated");
    }
}
