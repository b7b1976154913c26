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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo page in a real browser: Debian's headless Chromium, driven through chromedriver. Pick a user, embed the
 * Tableau view, open Tableau Next; each stand-in must show that user. Saves target/demo-screenshot.png. Needs the
 * chromium and chromium-driver packages (.ci/test-deps installs them); without them it fails, never skips.
 */
class DemoBrowserIT {
    /** Throw-away keys and configs: JUnit removes the folder, so the suite leaves none behind. */
    @org.junit.jupiter.api.io.TempDir
    static Path scratch;

    static Demo demo;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        demo = Demo.start(0, Clock.systemUTC());
        browser = HeadlessChromium.start(scratch, "1400,1100");
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

    @Test
    void pickingAUser_embedsTheViewAndOpensTableauNextAsThatUser() throws Exception {
        browser.get(demo.gateway().baseUrl() + "/");
        assertThat(browser.findElement(By.id("notice")).getText()).contains("local stand-ins");
        browser.findElement(By.cssSelector("#user option[value='bob@demo.example']")).click();

        browser.findElement(By.id("tableau-button")).click();
        waitFor("the token", () -> browser.findElement(By.id("status")).getText().startsWith("Token issued for bob@demo.example"));
        assertThat(browser.findElement(By.id("claims")).getText()).contains("\"sub\": \"bob@demo.example\"", "\"aud\": \"tableau\"");
        assertThat(DemoPage.hasEmbeddingApi()).as("the build bundles @tableau/embedding-api (npm is on the PATH in CI)").isTrue();
        waitFor("the <tableau-viz> web component's iframe", () ->
                !browser.findElement(By.id("tableau-viz")).getShadowRoot().findElements(By.cssSelector("iframe")).isEmpty());
        var vizFrame = browser.findElement(By.id("tableau-viz")).getShadowRoot().findElement(By.cssSelector("iframe"));
        waitFor("the web component to point its iframe at the view", () -> vizFrame.getAttribute("src").contains("/t/demo/views/Superstore/Overview"));
        assertThat(vizFrame.getAttribute("src")).as("signed in through embed/signin, so no token in the URL").doesNotContain("token=");
        browser.switchTo().frame(vizFrame);
        waitFor("the stand-in view", () -> browser.findElement(By.id("user")).getText().equals("bob@demo.example"));
        browser.switchTo().defaultContent();

        browser.findElement(By.id("next-button")).click();
        waitFor("the frontdoor URL", () -> browser.findElement(By.id("status")).getText().startsWith("Frontdoor URL issued for bob@demo.example"));
        browser.switchTo().frame("next-frame");
        waitFor("the Salesforce stand-in", () -> browser.findElement(By.id("user")).getText().equals("bob@demo.example"));
        browser.switchTo().defaultContent();

        var shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(Path.of("target", "demo-screenshot.png"), shot);
        assertThat(shot.length).isGreaterThan(10_000);
    }
}
