package dev.vizgate.app.http;

import dev.vizgate.app.cli.Demo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * vizgate-embed in a real browser (headless Chromium) through the demo page: two views on one page, each signed in with
 * a token of its own (two distinct jtis), and the stand-in's dashboard showing each user only the region their platform
 * granted (row-level security: alice West, bob East). Saves target/embed-two-views-*.png.
 */
class EmbedTwoViewsBrowserIT {
    @org.junit.jupiter.api.io.TempDir
    static Path scratch;

    static Demo demo;
    static WebDriver browser;
    static final Pattern TOKENS = Pattern.compile("with tokens (\\S+) and (\\S+)\\.");

    @BeforeAll
    static void start() throws Exception {
        demo = Demo.start(0, Clock.systemUTC());
        browser = HeadlessChromium.start(scratch, "1500,1400");
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        demo.close();
    }

    static void waitFor(String what, java.util.function.Supplier<Boolean> condition) throws InterruptedException {
        HeadlessChromium.waitFor(browser, what, condition);
    }

    /** The region list the stand-in's dashboard shows inside the viz in {@code container}. */
    static String regionsIn(String container, String user) throws InterruptedException {
        waitFor("the viz iframe in " + container, () ->
                !browser.findElement(By.cssSelector("#" + container + " tableau-viz")).getShadowRoot().findElements(By.cssSelector("iframe")).isEmpty());
        var frame = browser.findElement(By.cssSelector("#" + container + " tableau-viz")).getShadowRoot().findElement(By.cssSelector("iframe"));
        browser.switchTo().frame(frame);
        try {
            waitFor("the dashboard for " + user + " in " + container, () -> browser.findElement(By.id("user")).getText().equals(user));
            return browser.findElement(By.id("regions")).getText();
        } finally {
            browser.switchTo().defaultContent();
        }
    }

    String embedTwoViewsAs(String user) throws InterruptedException {
        browser.findElement(By.cssSelector("#user option[value='" + user + "']")).click();
        browser.findElement(By.id("two-views-button")).click();
        waitFor("two views for " + user, () -> browser.findElement(By.id("status")).getText().startsWith("Two views embedded for " + user));
        return browser.findElement(By.id("status")).getText();
    }

    @Test
    void twoViews_eachSignedInWithItsOwnToken_andEachUserSeesOnlyTheirRegion() throws Exception {
        browser.get(demo.gateway().baseUrl() + "/");
        var status = embedTwoViewsAs("alice@demo.example");
        var m = TOKENS.matcher(status);
        assertThat(m.find()).as(status).isTrue();
        assertThat(m.group(1)).as("one jti per viz").isNotEqualTo(m.group(2));
        assertThat(browser.findElement(By.id("viz-overview")).getAttribute("data-vizgate-jti")).isEqualTo(m.group(1));
        assertThat(regionsIn("viz-overview", "alice@demo.example")).isEqualTo("West");
        assertThat(regionsIn("viz-by-month", "alice@demo.example")).isEqualTo("West");
        Files.write(Path.of("target", "embed-two-views-alice.png"), ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        embedTwoViewsAs("bob@demo.example");
        assertThat(regionsIn("viz-overview", "bob@demo.example")).as("row-level security: bob's platform grants East").isEqualTo("East");
        var shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(Path.of("target", "embed-two-views-bob.png"), shot);
        assertThat(shot.length).isGreaterThan(10_000);
    }
}
