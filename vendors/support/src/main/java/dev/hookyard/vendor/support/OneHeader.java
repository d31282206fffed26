package dev.hookyard.vendor.support;

import dev.hookyard.spi.Headers;
import dev.hookyard.spi.RejectionReason;
import dev.hookyard.spi.Verification;

import java.util.List;
import java.util.Objects;

/**
 * A header that must be sent exactly once with a non-blank value, read as every verifier of such a header reads it:
 * absent, empty or blank is {@link RejectionReason#MISSING}, and sent twice (in any case of its name) is
 * {@link RejectionReason#AMBIGUOUS} even when both values are right, rather than a guess at which one counts.
 * The value is returned as sent; rejection details name the header only, never a value.
 */
public sealed interface OneHeader {

    /**
     * The one value of the header {@code name}, or why there is none.
     *
     * @param name the header name as the platform spells it (matched in any case), used in the details
     */
    static OneHeader read(Headers headers, String name) {
        List<String> values = headers.all(name);
        if (values.isEmpty()) {
            return new Refused(RejectionReason.MISSING, "no " + name + " header");
        }
        if (values.size() > 1) {
            return new Refused(RejectionReason.AMBIGUOUS,
                    name + " is present " + values.size() + " times; exactly one is allowed");
        }
        String value = values.get(0);
        if (value.isBlank()) {
            return new Refused(RejectionReason.MISSING, name + " is empty");
        }
        return new Present(value);
    }

    /** The header was sent once, with this value (not blank; surrounding whitespace kept). */
    record Present(String value) implements OneHeader {
        public Present {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The header cannot be used: {@link RejectionReason#MISSING} or {@link RejectionReason#AMBIGUOUS}. */
    record Refused(RejectionReason reason, String detail) implements OneHeader {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        /** The rejection a verifier answers with. */
        public Verification verification() {
            return Verification.rejected(reason, detail);
        }
    }
}
