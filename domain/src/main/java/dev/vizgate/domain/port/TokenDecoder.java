package dev.vizgate.domain.port;

import dev.vizgate.domain.model.DecodeOutcome;
import dev.vizgate.domain.model.UntrustedToken;

/** Splits a compact JWS and parses its header and payload, trusting nothing. Never throws for bad input. */
public interface TokenDecoder {
    DecodeOutcome decode(UntrustedToken token);
}
