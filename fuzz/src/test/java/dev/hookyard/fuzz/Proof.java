package dev.hookyard.fuzz;

import dev.hookyard.spi.Headers;
import java.time.Instant;
import java.util.List;

/**
 * What a genuine delivery of one vendor carries, as the independent {@link Authenticity} reference checks it: written
 * from each platform's documentation, never from the vendor module's code.
 */
interface Proof {

    /**
     * Whether any header carries proof, under one of the active secrets, for this body at this time, read as
     * leniently as any verifier might read it. {@code false} means a forgery: nobody without a secret could have made
     * the headers.
     */
    boolean carriedBy(List<String> activeSecrets, Headers headers, byte[] body, Instant now);

    /** Whether the proof covers the body, so that a changed body without a new proof must be refused. */
    default boolean coversBody() {
        return true;
    }

    /** A static credential, as a token or as base64 of it (Leah): it says nothing about the body. */
    Proof CREDENTIAL = new Proof() {
        @Override
        public boolean carriedBy(List<String> secrets, Headers headers, byte[] body, Instant now) {
            return Authenticity.carriesCredential(headers, secrets);
        }

        @Override
        public boolean coversBody() {
            return false;
        }
    };
}
