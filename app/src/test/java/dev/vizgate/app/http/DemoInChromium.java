package dev.vizgate.app.http;

import dev.vizgate.app.cli.Demo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the demo page's browser tests share: a zero-configuration {@code vizgate demo} on a free port, headless
 * Chromium, and the page's moves (pick a user, flip a switch, embed two views, read a viz's dashboard).
 */
abstract class DemoInChromium {
    @TempDir
    static Path scratch;

    static Demo demo;
    static WebDriver browser;

    @BeforeAll
    static void startDemoAndBrowser() throws Exception {
        demo = Demo.start(0, Clock.systemUTC());
        browser = HeadlessChromium.start(scratch, "1500,1400");
    }

    @AfterAll
    static void stopDemoAndBrowser() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        demo.close();
    }

    static void waitFor(String what, Supplier<Boolean> condition) throws InterruptedException {
        HeadlessChromium.waitFor(browser, what, condition);
    }

    static void waitFor(String what, Duration limit, Supplier<Boolean> condition) throws InterruptedException {
        HeadlessChromium.waitFor(browser, what, limit, condition);
    }

    static String status() {
        return browser.findElement(By.id("status")).getText();
    }

    /** Opens the page (which resets both switches) as {@code user}. */
    static void openAs(String user) throws InterruptedException {
        browser.get(demo.gateway().baseUrl() + "/");
        waitFor("the page's users", () -> !browser.findElements(By.cssSelector("#user option[value='" + user + "']")).isEmpty());
        browser.findElement(By.cssSelector("#user option[value='" + user + "']")).click();
    }

    /** Turns a switch on (its label is what a user clicks) and waits for the page to confirm it. */
    static void switchOn(String id, String confirmation) throws InterruptedException {
        browser.findElement(By.xpath("//label[input[@id='" + id + "']]")).click();
        waitFor("the switch " + id, () -> status().startsWith(confirmation));
    }

    static String embedTwoViews(String user) throws InterruptedException {
        browser.findElement(By.id("two-views-button")).click();
        waitFor("two views for " + user, () -> status().startsWith("Two views embedded for " + user));
        return status();
    }

    /** What the stand-in's dashboard inside {@code container}'s viz shows: its user and region list, or its sign-in prompt. */
    static String dashboardIn(String container) {
        return inViz(container, () -> browser.findElement(By.id("user")).getText() + " sees " + browser.findElement(By.id("regions")).getText());
    }

    /**
     * {@code read} inside the stand-in's view in {@code container}'s viz, once the view has a user; "loading" before,
     * or its sign-in prompt.
     */
    static String inViz(String container, Supplier<String> read) {
        var viz = browser.findElements(By.cssSelector("#" + container + " tableau-viz"));
        var frames = viz.isEmpty() ? List.<WebElement>of() : viz.get(0).getShadowRoot().findElements(By.cssSelector("iframe"));
        if (frames.isEmpty()) {
            return "loading";
        }
        browser.switchTo().frame(frames.get(0));
        try {
            var signIn = browser.findElements(By.id("sign-in"));
            if (!signIn.isEmpty()) {
                return "sign-in: " + signIn.get(0).getText();
            }
            return browser.findElements(By.id("user")).isEmpty() ? "loading" : read.get();
        } finally {
            browser.switchTo().defaultContent();
        }
    }
}
