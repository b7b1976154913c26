package dev.vizgate.archfixture.domain.policy;

import dev.vizgate.archfixture.domain.model.CycleA;

public class CycleB {
    CycleA a;
}
