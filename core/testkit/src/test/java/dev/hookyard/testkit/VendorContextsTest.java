package dev.hookyard.testkit;

import dev.hookyard.spi.InvalidOptionException;
import dev.hookyard.spi.Keyring;
import dev.hookyard.spi.Secret;
import dev.hookyard.spi.VendorContext;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VendorContextsTest {

    @Test
    void withSecretsKeepsSecretOrderAndHasNoOptionsAndTheFixedClock() {
        VendorContext context = VendorContexts.withSecrets("least", "new", "old");

        assertEquals("least", context.endpoint());
        assertEquals(List.of(Secret.of("new"), Secret.of("old")), context.keyring().secrets());
        assertTrue(context.options().keys().isEmpty());
        assertEquals(VendorContexts.FIXED_INSTANT, context.clock().instant());
        assertEquals(Instant.parse("2025-01-01T00:00:00Z"), VendorContexts.FIXED_CLOCK.instant());
    }

    @Test
    void optionsAreReadableThroughTheTypedAccessors() {
        VendorContext context = VendorContexts.of("least", Keyring.of("s"),
                Map.of("channel", "workflow", "strict", true));

        assertEquals("workflow", context.options().oneOf("channel", List.of("collection", "workflow"), "any"));
        assertTrue(context.options().bool("strict", false));
        assertThrows(InvalidOptionException.class,
                () -> context.options().oneOf("channel", List.of("collection"), "collection"));
    }

    @Test
    void givenClockIsUsed() {
        Clock clock = Clock.fixed(Instant.parse("2030-02-03T04:05:06Z"), ZoneOffset.UTC);
        VendorContext context = VendorContexts.of("e", Keyring.of(), Map.of(), clock);

        assertEquals(clock, context.clock());
        assertFalse(context.keyring().secrets().iterator().hasNext());
    }
}
