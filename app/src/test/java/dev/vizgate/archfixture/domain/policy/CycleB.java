package dev.vizgate.archfixture.domain.policy;

public class CycleB {
    dev.vizgate.archfixture.domain.model.CycleA a;
}
