package dev.vizgate.app.http;

import dev.vizgate.app.cli.Demo;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page that outlives its Tableau session, in headless Chromium: with the short-session switch on, the stand-in's
 * embed sessions end after {@link Demo#SHORT_SESSION}; vizgate-embed mints a new token and re-renders each view before
 * then, without a reload, and counts the renewal. Past the first session's end the views still show the dashboard,
 * not Tableau's "Sign in". Saves target/session-renewed.png.
 */
class SessionRenewalBrowserIT extends DemoInChromium {
    @Test
    void shortSession_isRenewedBeforeItEnds_andTheViewsNeverShowSignIn() throws Exception {
        openAs("alice@demo.example");
        switchOn("short-session", "Short session on");
        embedTwoViews("alice@demo.example");
        var embeddedAt = System.nanoTime();
        var firstJti = browser.findElement(By.id("viz-overview")).getAttribute("data-vizgate-jti");
        waitFor("the first dashboard", () -> dashboardIn("viz-overview").startsWith("alice@demo.example"));

        waitFor("a renewal of both views", Duration.ofSeconds(40), () ->
                "1".equals(browser.findElement(By.id("viz-overview-renewals")).getAttribute("data-renewals"))
                        && "1".equals(browser.findElement(By.id("viz-by-month-renewals")).getAttribute("data-renewals")));
        var renewedJti = browser.findElement(By.id("viz-overview")).getAttribute("data-vizgate-jti");
        assertThat(renewedJti).as("a renewal is a new token").isNotEqualTo(firstJti);
        assertThat(browser.findElement(By.cssSelector("#claims td[data-claim='jti']")).getText()).as("the claims panel follows").isEqualTo(renewedJti);

        var firstSessionEnd = embeddedAt + Demo.SHORT_SESSION.plusSeconds(2).toNanos();
        while (System.nanoTime() < firstSessionEnd) {
            Thread.sleep(200);
        }
        waitFor("the renewed dashboard", () -> dashboardIn("viz-overview").startsWith("alice@demo.example"));
        assertThat(dashboardIn("viz-overview")).isEqualTo("alice@demo.example sees West");
        assertThat(dashboardIn("viz-by-month")).isEqualTo("alice@demo.example sees West");
        assertThat(browser.findElement(By.id("viz-overview-renewals")).getText()).isEqualTo("renewed 1×");
        HeadlessChromium.screenshot(browser, "session-renewed");
    }
}
