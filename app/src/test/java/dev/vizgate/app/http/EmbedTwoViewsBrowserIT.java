package dev.vizgate.app.http;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * vizgate-embed in a real browser (headless Chromium) through the demo page: two views on one page, each signed in with
 * a token of its own (two distinct jtis), and the stand-in's dashboard showing each user only the region their platform
 * granted (row-level security: alice West, bob East). Saves target/embed-two-views-*.png.
 */
class EmbedTwoViewsBrowserIT extends DemoInChromium {
    static final Pattern TOKENS = Pattern.compile("with tokens (\\S+) and (\\S+)\\.");

    @Test
    void twoViews_eachSignedInWithItsOwnToken_andEachUserSeesOnlyTheirRegion() throws Exception {
        openAs("alice@demo.example");
        var status = embedTwoViews("alice@demo.example");
        var m = TOKENS.matcher(status);
        assertThat(m.find()).as(status).isTrue();
        assertThat(m.group(1)).as("one jti per viz").isNotEqualTo(m.group(2));
        assertThat(browser.findElement(By.id("viz-overview")).getAttribute("data-vizgate-jti")).isEqualTo(m.group(1));
        waitFor("alice's dashboards", () -> dashboardIn("viz-overview").startsWith("alice@demo.example"));
        assertThat(dashboardIn("viz-overview")).isEqualTo("alice@demo.example sees West");
        waitFor("alice's second dashboard", () -> dashboardIn("viz-by-month").startsWith("alice@demo.example"));
        assertThat(dashboardIn("viz-by-month")).isEqualTo("alice@demo.example sees West");
        HeadlessChromium.screenshot(browser, "embed-two-views-alice");

        openAs("bob@demo.example");
        embedTwoViews("bob@demo.example");
        waitFor("bob's dashboard", () -> dashboardIn("viz-overview").startsWith("bob@demo.example"));
        assertThat(dashboardIn("viz-overview")).as("row-level security: bob's platform grants East").isEqualTo("bob@demo.example sees East");
        assertThat(HeadlessChromium.screenshot(browser, "embed-two-views-bob").length).isGreaterThan(10_000);
    }
}
