package dev.vizgate.app.http;

import dev.vizgate.domain.model.TableauErrorCode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failed sign-in surfaced instead of a blank frame, in headless Chromium: with the "sign-in fails" switch on, the
 * stand-in's Connected App is disabled, the Embedding API reports {@code auth-failed}, and vizgate-embed turns the code
 * inside it into Tableau's error with its cause and fix from the gateway's catalogue. Saves target/sign-in-error.png.
 */
class SignInErrorBrowserIT extends DemoInChromium {
    @Test
    void disabledConnectedApp_isShownWithItsCodeCauseAndFix_andClearsOnceEnabled() throws Exception {
        openAs("bob@demo.example");
        switchOn("sign-in-fails", "The Connected App is now disabled");
        browser.findElement(By.id("two-views-button")).click();
        waitFor("the error panel", () -> browser.findElement(By.id("error-panel")).isDisplayed());
        var disabled = TableauErrorCode.CONNECTED_APP_DISABLED;
        assertThat(browser.findElement(By.id("error-code")).getText()).isEqualTo(disabled.code() + " " + disabled.name());
        assertThat(browser.findElement(By.id("error-cause")).getText()).isEqualTo(disabled.cause());
        assertThat(browser.findElement(By.id("error-fix")).getText()).isEqualTo(disabled.fix());
        assertThat(status()).startsWith("Sign-in failed: " + disabled.cause());
        for (var view : List.of("viz-overview", "viz-by-month")) {
            waitFor("the failure inside " + view, () -> !browser.findElements(By.cssSelector("#" + view + " .viz-error")).isEmpty());
            assertThat(browser.findElement(By.cssSelector("#" + view + " .viz-error")).getText())
                    .as("not a blank frame").contains("Sign-in failed", disabled.code() + " " + disabled.name(), disabled.cause());
        }
        HeadlessChromium.screenshot(browser, "sign-in-error");

        browser.findElement(By.xpath("//label[input[@id='sign-in-fails']]")).click();
        waitFor("the switch off", () -> status().startsWith("The Connected App is enabled again"));
        embedTwoViews("bob@demo.example");
        assertThat(browser.findElement(By.id("error-panel")).isDisplayed()).isFalse();
        waitFor("bob's dashboard", () -> dashboardIn("viz-overview").startsWith("bob@demo.example"));
    }
}
