package dev.hookyard.vendor.support;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Headers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RecordArgumentsTest {

    private static final Delivery DELIVERY =
            new Delivery("test", Headers.of(Map.of()), new byte[0], Instant.EPOCH);

    @Test
    void anEnvelopeNeedsAKeyAndADelivery() {
        assertDoesNotThrow(() -> RecordArguments.requireEnvelope("key", DELIVERY));
        assertEquals("deliveryKey", assertThrows(NullPointerException.class,
                () -> RecordArguments.requireEnvelope(null, DELIVERY)).getMessage());
        assertEquals("delivery", assertThrows(NullPointerException.class,
                () -> RecordArguments.requireEnvelope("key", null)).getMessage());
        assertEquals("deliveryKey must not be blank", assertThrows(IllegalArgumentException.class,
                () -> RecordArguments.requireEnvelope(" \t", DELIVERY)).getMessage());
    }

    @Test
    void aMissingKeyIsReportedBeforeAMissingDelivery() {
        assertEquals("deliveryKey", assertThrows(NullPointerException.class,
                () -> RecordArguments.requireEnvelope(null, null)).getMessage());
    }

    @Test
    void aFrozenMapIsAnUnmodifiableCopyInOrderWithNulls() {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("z", 1);
        source.put("a", null);

        Map<String, Object> frozen = RecordArguments.frozenMap(source, "data");
        source.put("later", 2);

        assertEquals(List.of("z", "a"), List.copyOf(frozen.keySet()));
        assertNull(frozen.get("a"));
        assertThrows(UnsupportedOperationException.class, () -> frozen.put("x", 1));
    }

    @Test
    void aFrozenMapIsRequired() {
        assertEquals("payload", assertThrows(NullPointerException.class,
                () -> RecordArguments.frozenMap(null, "payload")).getMessage());
        assertEquals(Map.of(), RecordArguments.frozenMap(new HashMap<>(), "payload"));
    }

    @Test
    void aFrozenListIsAnUnmodifiableCopy() {
        List<String> source = new ArrayList<>(List.of("a", "b"));

        List<String> frozen = RecordArguments.frozenList(source, "externalIds");
        source.add("c");

        assertEquals(List.of("a", "b"), frozen);
        assertThrows(UnsupportedOperationException.class, () -> frozen.add("x"));
    }

    @Test
    void aNullListIsEmpty() {
        assertEquals(List.of(), RecordArguments.frozenList(null, "events"));
    }

    @Test
    void aListMustNotContainNull() {
        assertEquals("events must not contain null", assertThrows(NullPointerException.class,
                () -> RecordArguments.frozenList(Arrays.asList("a", null), "events")).getMessage());
    }
}
