package dev.vizgate.app.http;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo page in a real browser (Debian's headless Chromium through chromedriver) looks and behaves like a product:
 * a favicon, views that fit their frames with no stray scrollbars, no token in any frame URL, and a claims panel that
 * shows times as dates. Saves target/demo-screenshot.png. Needs chromium and chromium-driver (.ci/test-deps installs
 * them); without them it fails, never skips.
 */
class DemoBrowserIT extends DemoInChromium {
    static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    @Test
    void page_hasAFavicon_framesWithoutScrollbars_andClaimsWithDates() throws Exception {
        openAs("bob@demo.example");
        assertThat(browser.findElement(By.id("notice")).getText()).contains("local stand-ins");
        assertThat(DemoPage.hasEmbeddingApi()).as("the build bundles @tableau/embedding-api (npm is on the PATH in CI)").isTrue();
        var icon = browser.findElement(By.cssSelector("link[rel='icon']")).getAttribute("href");
        var served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(icon)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).contains("image/svg+xml");
        assertThat(served.body()).startsWith("<svg");

        embedTwoViews("bob@demo.example");
        waitFor("bob's dashboard", () -> dashboardIn("viz-overview").startsWith("bob@demo.example"));
        var frame = browser.findElement(By.cssSelector("#viz-overview tableau-viz")).getShadowRoot().findElement(By.cssSelector("iframe"));
        assertThat(frame.getAttribute("src")).as("signed in through embed/signin, so no token in the URL").doesNotContain("token=");

        assertThat(browser.findElement(By.cssSelector("#claims td[data-claim='sub']")).getText()).isEqualTo("bob@demo.example");
        assertThat(browser.findElement(By.cssSelector("#claims td[data-claim='aud']")).getText()).isEqualTo("tableau");
        var exp = browser.findElement(By.cssSelector("#claims td[data-claim='exp'] time"));
        var raw = Long.parseLong(browser.findElement(By.cssSelector("#claims td[data-claim='exp'] .raw")).getText());
        assertThat(Instant.parse(exp.getAttribute("datetime"))).isEqualTo(Instant.ofEpochSecond(raw));
        assertThat(exp.getText()).as("a date a person reads, not seconds since 1970").doesNotContain(String.valueOf(raw)).matches(".*\\d{4}.*");

        assertThat((Boolean) js("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                .as("no horizontal scrollbar on the page").isTrue();
        browser.switchTo().frame(frame);
        try {
            assertThat((Boolean) js("return document.documentElement.scrollHeight <= window.innerHeight"
                    + " && document.documentElement.scrollWidth <= window.innerWidth")).as("the view fits its frame").isTrue();
        } finally {
            browser.switchTo().defaultContent();
        }
        assertThat(HeadlessChromium.screenshot(browser, "demo-screenshot").length).isGreaterThan(10_000);
    }

    /**
     * Issue 32, item 7: the page shows the audit events of the session it just ran, as a security team would see them:
     * the two tokens it issued, each with its jti, the user as an HMAC and never in clear, and no token anywhere.
     */
    @Test
    void afterEmbedding_theAuditPanel_showsThisSessionsTokens_withTheUserPseudonymised() throws Exception {
        openAs("bob@demo.example");
        embedTwoViews("bob@demo.example");
        waitFor("bob's dashboard", () -> dashboardIn("viz-overview").startsWith("bob@demo.example"));
        var jtis = browser.findElements(By.cssSelector("footer.token")).stream().map(e -> e.getText()).filter(t -> t.startsWith("Token jti "))
                .map(t -> t.substring("Token jti ".length()).split(",")[0]).toList();
        assertThat(jtis).hasSize(2);
        waitFor("the two token-issued records", () -> {
            browser.findElement(By.id("audit-button")).click(); // the trail is written off the request's thread: ask again until it holds both
            return browser.findElements(By.cssSelector("#audit tr[data-event='token-issued']")).size() >= 2;
        });
        var issued = browser.findElements(By.cssSelector("#audit tr[data-event='token-issued']"));
        var text = browser.findElement(By.id("audit")).getText();
        assertThat(text).contains(jtis.get(0)).contains(jtis.get(1)).contains("platform-assertion").doesNotContain("bob@demo.example");
        assertThat(issued).allSatisfy(row -> assertThat(row.findElement(By.cssSelector("td[data-user]")).getAttribute("data-user")).startsWith("hmac-sha256:"));
        var token = browser.findElement(By.cssSelector("#viz-overview tableau-viz")).getAttribute("token");
        assertThat(text).doesNotContain(token);
    }
}
