package dev.vizgate.app.http;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's browser call across origins, in headless Chromium: a platform page on one origin posts its assertion in
 * Authorization to the gateway on another, so Chromium sends a preflight first. A page of a listed origin gets its
 * token; the same page served from an origin not listed is blocked by the browser itself (the fetch fails, the page
 * never sees the answer).
 */
class CrossOriginBrowserIT {
    static final String PORTAL = "https://portal.example.com";

    @TempDir
    static Path scratch;
    static KeyPair portal;
    static HttpServer listedPages;
    static HttpServer otherPages;
    static GatewayServer gateway;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        portal = GatewayNodes.platformKey(scratch);
        listedPages = pages();
        otherPages = pages();
        var config = Files.writeString(scratch.resolve("vizgate.yaml"), """
                server:
                  bind: 127.0.0.1
                  port: 0
                  cors: { allowed-origins: [ "http://127.0.0.1:%d" ] }
                callers:
                  assertions: [ { issuer: "%s", key: "file:portal.pem" } ]
                """.formatted(listedPages.getAddress().getPort(), PORTAL) + DirectTrustSite.TABLEAU);
        gateway = GatewayNodes.start(config, DirectTrustSite.ENV);
        browser = HeadlessChromium.start(Files.createDirectories(scratch.resolve("profile")), "800,600");
    }

    /** A platform's page server on its own loopback port (its own origin); the page calls the gateway as the README shows. */
    static HttpServer pages() throws Exception {
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            var html = """
                    <!doctype html><meta charset="utf-8"><title>portal</title><pre id="status">calling</pre>
                    <script>
                    fetch('%s/v1/tableau/token', { method: 'POST', credentials: 'omit', body: '{}',
                        headers: { 'Authorization': 'Bearer %s', 'Content-Type': 'application/json' } })
                      .then(r => r.json().then(b => { document.getElementById('status').textContent = 'answered ' + r.status + ' ' + (b.token ? 'with a token' : b.type); }))
                      .catch(e => { document.getElementById('status').textContent = 'blocked: ' + e.name; });
                    </script>
                    """.formatted(gateway.baseUrl(), GatewayNodes.assertion(PORTAL, portal.getPrivate(), "alice@example.com"))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, html.length);
            exchange.getResponseBody().write(html);
            exchange.close();
        });
        server.start();
        return server;
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        gateway.close();
        listedPages.stop(0);
        otherPages.stop(0);
    }

    static String statusAfterCall(HttpServer pages) throws InterruptedException {
        browser.get("http://127.0.0.1:" + pages.getAddress().getPort() + "/");
        HeadlessChromium.waitFor(browser, "the page's call", () -> !browser.findElement(By.id("status")).getText().equals("calling"));
        return browser.findElement(By.id("status")).getText();
    }

    @Test
    void aPageOfAListedOrigin_getsItsToken_acrossOrigins() throws Exception {
        assertThat(gateway.baseUrl().getPort()).isNotEqualTo(listedPages.getAddress().getPort());
        assertThat(statusAfterCall(listedPages)).as(HeadlessChromium.console(browser)).isEqualTo("answered 200 with a token");
    }

    @Test
    void aPageOfAnOriginNotListed_isBlockedByTheBrowser() throws Exception {
        assertThat(statusAfterCall(otherPages)).isEqualTo("blocked: TypeError");
        assertThat(HeadlessChromium.console(browser)).contains("CORS");
    }
}
