package dev.vizgate.app.http;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;

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
        var logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver)).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Waits up to 20 s for {@code condition}; on time-out the page's #status says where it stopped. */
    static void waitFor(WebDriver browser, String what, Supplier<Boolean> condition) throws InterruptedException {
        waitFor(browser, what, Duration.ofSeconds(20), condition);
    }

    /** Saves a screenshot of the page as target/{name}.png, the artifact each browser test leaves. */
    static byte[] screenshot(WebDriver browser, String name) throws IOException {
        var shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(Path.of("target", name + ".png"), shot);
        return shot;
    }

    /** The browser console so far, for a failure message. */
    static String console(WebDriver browser) {
        var out = new StringBuilder();
        browser.manage().logs().get(LogType.BROWSER).forEach(e -> out.append(e.getLevel()).append(' ')
                .append(e.getMessage()).append('\n'));
        return out.toString();
    }

    static void waitFor(WebDriver browser, String what, Duration limit, Supplier<Boolean> condition) throws InterruptedException {
        var deadline = System.nanoTime() + limit.toNanos();
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
        throw new AssertionError("timed out waiting for " + what + "; status: " + browser.findElement(By.id("status")).getText()
                + "\nconsole:\n" + console(browser));
    }

    /**
     * The text of the element with this id anywhere on the page, inside closed shadow roots and frames too (Lightning
     * Out keeps its iframes in closed shadow roots, out of reach of selectors and of window.frames): read through the
     * DevTools protocol's DOM.getDocument with pierce. Empty when there is none.
     */
    static String piercingText(WebDriver browser, String id) {
        var document = ((ChromiumDriver) browser).executeCdpCommand("DOM.getDocument", Map.of("depth", -1, "pierce", true));
        var found = find(document.get("root"), id);
        if (found == null) {
            return "";
        }
        var text = new StringBuilder();
        collectText(found, text);
        return text.toString().trim();
    }

    @SuppressWarnings("unchecked")
    private static Object find(Object node, String id) {
        if (!(node instanceof Map<?, ?> n)) {
            return null;
        }
        if (n.get("attributes") instanceof List<?> attributes) {
            for (int i = 0; i + 1 < attributes.size(); i += 2) {
                if ("id".equals(attributes.get(i)) && id.equals(attributes.get(i + 1))) {
                    return n;
                }
            }
        }
        for (var key : List.of("children", "shadowRoots")) {
            if (n.get(key) instanceof List<?> list) {
                for (var child : list) {
                    var hit = find(child, id);
                    if (hit != null) {
                        return hit;
                    }
                }
            }
        }
        return find(n.get("contentDocument"), id);
    }

    private static void collectText(Object node, StringBuilder out) {
        if (!(node instanceof Map<?, ?> n)) {
            return;
        }
        if (Integer.valueOf(3).equals(((Number) n.get("nodeType")).intValue())) {
            out.append(n.get("nodeValue"));
        }
        if (n.get("children") instanceof List<?> list) {
            list.forEach(child -> collectText(child, out));
        }
    }
}
