package dev.vizgate.archfixture.domain.port;

public interface GoodPort {
}
