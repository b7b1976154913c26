package dev.vizgate.archfixture.domain.model;

import dev.vizgate.archfixture.domain.policy.CycleB;

/** Seeded: model → policy → model. */
public class CycleA {
    CycleB b;
}
