package dev.vizgate.app.cli;

import dev.vizgate.app.cli.DoctorCommand.Finding;
import dev.vizgate.app.cli.DoctorCommand.Level;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** doctor's live check of an upstream: does it answer, and how far is its clock (its Date header) from ours. */
final class Reach {
    /** Tableau documents no clock tolerance (tableau.md §4); assertions to Salesforce live 2–3 minutes. */
    static final Duration CLOCK_WARN = Duration.ofSeconds(5);
    static final Duration CLOCK_FAIL = Duration.ofSeconds(60);

    private Reach() {
    }

    static List<Finding> check(String check, URI url, Duration wait, boolean tableau, Clock clock) {
        var out = new ArrayList<Finding>();
        var http = HttpClient.newBuilder().connectTimeout(wait).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<Void> response;
        try {
            response = http.send(HttpRequest.newBuilder(url).timeout(wait).GET().build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            out.add(new Finding(Level.FAIL, check, url.getHost() + " cannot be reached (" + NetFailure.words(e) + ")",
                    "check the URL, DNS, proxies and firewalls between this machine and " + url.getHost()));
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return out;
        }
        out.add(new Finding(Level.OK, check, url.getHost() + " answered HTTP " + response.statusCode(), ""));
        var date = response.headers().firstValue("Date").flatMap(Reach::httpDate);
        if (date.isEmpty()) {
            out.add(new Finding(Level.WARN, check + " clock", url.getHost() + " sent no Date header; the clock was not compared", "make sure this machine runs NTP"));
            return out;
        }
        var skew = Duration.between(date.get(), clock.instant()).abs();
        var why = tableau ? "Tableau documents no tolerance (error 16 / 10084)" : "assertions live 2–3 minutes";
        if (skew.compareTo(CLOCK_FAIL) > 0) {
            out.add(new Finding(Level.FAIL, check + " clock", "this machine's clock is " + skew.toSeconds() + " s off " + url.getHost() + "'s; " + why,
                    "sync the clock with NTP and keep it on UTC"));
        } else if (skew.compareTo(CLOCK_WARN) > 0) {
            out.add(new Finding(Level.WARN, check + " clock", "this machine's clock is " + skew.toSeconds() + " s off " + url.getHost() + "'s; " + why,
                    "sync the clock with NTP"));
        } else {
            out.add(new Finding(Level.OK, check + " clock", "within " + CLOCK_WARN.toSeconds() + " s of " + url.getHost(), ""));
        }
        return out;
    }

    /** Whether something accepts a TCP connection at {@code host}:{@code port} within {@code wait}: empty if so, else why not, in words. */
    static Optional<String> tcpRefusal(String host, int port, Duration wait) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, wait.toMillis()));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(NetFailure.words(e));
        }
    }

    static Optional<Instant> httpDate(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
