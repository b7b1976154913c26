package dev.vizgate.archfixture.sdk;

import dev.vizgate.archfixture.domain.port.GoodPort;

/** Seeded violation: the sdk implementing a port itself instead of assembling an adapter. */
public class SdkImplementingAPort implements GoodPort {
}
