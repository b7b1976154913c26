package dev.vizgate.app.http;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * What the browser ITs share: Debian's headless Chromium through chromedriver (the chromium and chromium-driver
 * packages, which .ci/test-deps installs; without them a test fails, never skips), and waiting for the page.
 */
final class HeadlessChromium {
    private HeadlessChromium() {
    }

    /** @param profile a throw-away folder for the browser's profile */
    static WebDriver start(Path profile, String windowSize) {
        var chromium = System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium");
        var driver = System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");
        var options = new ChromeOptions().setBinary(chromium).addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage", "--window-size=" + windowSize, "--user-data-dir=" + profile);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver)).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Waits up to 20 s for {@code condition}; on time-out the page's #status says where it stopped. */
    static void waitFor(WebDriver browser, String what, Supplier<Boolean> condition) throws InterruptedException {
        var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.get()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // the element is not there yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what + "; status: " + browser.findElement(By.id("status")).getText());
    }
}
