package dev.vizgate.archfixture.spring;

import dev.vizgate.archfixture.app.Wiring;

/** Seeded violation: the Spring Boot face reaching into the gateway's wiring instead of the shared mapping. */
public class StarterUsingTheApp {
    Object wiring = new Wiring();
}
