package dev.hookyard.vendor.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.hookyard.spi.Headers;
import dev.hookyard.spi.RejectionReason;
import dev.hookyard.spi.Verification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OneHeaderTest {

    private static OneHeader read(Map<String, List<String>> headers) {
        return OneHeader.read(Headers.of(headers), "Stripe-Signature");
    }

    private static void assertRefused(RejectionReason reason, String detail, OneHeader read) {
        OneHeader.Refused refused = assertInstanceOf(OneHeader.Refused.class, read);
        assertEquals(reason, refused.reason());
        assertEquals(detail, refused.detail());
        assertEquals(Verification.rejected(reason, detail), refused.verification());
    }

    @Test
    void theOneValueIsReturnedAsSentWhateverTheCaseOfTheName() {
        assertEquals(new OneHeader.Present(" t=1,v1=ab "), read(Map.of("stripe-signature", List.of(" t=1,v1=ab "))));
    }

    @Test
    void absentEmptyAndBlankAreMissing() {
        assertRefused(RejectionReason.MISSING, "no Stripe-Signature header", read(Map.of()));
        assertRefused(RejectionReason.MISSING, "no Stripe-Signature header",
                read(Map.of("Stripe-Signature-2", List.of("x"))));
        assertRefused(RejectionReason.MISSING, "Stripe-Signature is empty", read(Map.of("Stripe-Signature",
                List.of(""))));
        assertRefused(RejectionReason.MISSING, "Stripe-Signature is empty", read(Map.of("Stripe-Signature",
                List.of(" \t "))));
    }

    @Test
    void twiceIsAmbiguousEvenInTwoSpellings() {
        assertRefused(RejectionReason.AMBIGUOUS, "Stripe-Signature is present 2 times; exactly one is allowed",
                read(Map.of("Stripe-Signature", List.of("a", "a"))));
        Map<String, List<String>> spellings = new LinkedHashMap<>();
        spellings.put("Stripe-Signature", List.of("a"));
        spellings.put("STRIPE-SIGNATURE", List.of("b"));
        assertRefused(RejectionReason.AMBIGUOUS, "Stripe-Signature is present 2 times; exactly one is allowed",
                read(spellings));
    }
}
