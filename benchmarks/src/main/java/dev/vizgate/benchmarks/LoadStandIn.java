package dev.vizgate.benchmarks;

import dev.vizgate.sandbox.SalesforceStandIn;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The Salesforce stand-in as a process of its own for benchmarks/load.sh, with a fixed added latency on every
 * answer, so that the frontdoor route is measured against a known upstream cost.
 * Arguments: certificate file (the External Client App's), latency in milliseconds, number of users
 * (load-user-1@load.example …). Prints the stand-in's base URL on one line, then serves until killed.
 */
public final class LoadStandIn {
    private LoadStandIn() {
    }

    public static void main(String[] args) throws Exception {
        Certificate certificate;
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        var users = IntStream.rangeClosed(1, Integer.parseInt(args[2])).mapToObj(LoadStandIn::user).collect(Collectors.toSet());
        var standIn = SalesforceStandIn.start(new SalesforceStandIn.Org("load-consumer-key", certificate.getPublicKey(),
                "https://login.salesforce.com", Set.copyOf(users), Duration.ofHours(2), Clock.systemUTC()));
        standIn.latency(Duration.ofMillis(Long.parseLong(args[1])));
        System.out.println(standIn.baseUrl());
        System.out.flush();
        Thread.currentThread().join();
    }

    public static String user(int i) {
        return "load-user-" + i + "@load.example";
    }
}
