package dev.vizgate.archfixture.domain.model;

/** Seeded: model → policy → model. */
public class CycleA {
    dev.vizgate.archfixture.domain.policy.CycleB b;
}
