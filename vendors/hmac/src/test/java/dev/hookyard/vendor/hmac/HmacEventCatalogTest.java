package dev.hookyard.vendor.hmac;

import dev.hookyard.spi.EventCatalog;
import dev.hookyard.spi.EventType;
import dev.hookyard.vendor.hmac.events.HmacEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.hookyard.vendor.hmac.HmacVendors.BASIC;
import static dev.hookyard.vendor.hmac.HmacVendors.vendor;
import static dev.hookyard.vendor.hmac.HmacVendors.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HmacEventCatalogTest {

    @Test
    void withoutEventTypesTheCatalogHasOneTestType() {
        EventCatalog catalog = vendor(BASIC).catalog();

        assertEquals(List.of("hookyard.test"), catalog.names());
        assertEquals(HmacEvent.class, catalog.types().get(0).eventClass());
        assertEquals("{\"event\":\"hookyard.test\",\"message\":\"A sample delivery made by Hookyard\"}",
                catalog.types().get(0).sampleBody());
    }

    @Test
    void theListedEventTypesAreTheCatalogWithTheirTypeAndKeyWhereThePointersSay() {
        EventCatalog catalog = vendor(Map.of("header", "X-S", "type", "/data/type", "key", "/data/id",
                "eventTypes", List.of("order.created", "order.paid"))).catalog();

        assertEquals(List.of("order.created", "order.paid"), catalog.names());
        EventType paid = catalog.types().get(1);
        assertTrue(paid.sampleBody().startsWith("{\"data\":{\"type\":\"order.paid\",\"id\":\"sample-"),
                paid.sampleBody());
    }

    @Test
    void aTypeAtMessageTakesThePlaceOfTheSampleLine() {
        EventType type = vendor(with(BASIC, "type", "/message")).catalog().types().get(0);

        assertEquals("{\"message\":\"hookyard.test\"}", type.sampleBody());
    }

    @Test
    void typesFromAHeaderLeaveOnlyTheMessageInTheBody() {
        EventType type = vendor(with(BASIC, "type", "header:X-Event")).catalog().types().get(0);

        assertEquals("{\"message\":\"A sample delivery made by Hookyard\"}", type.sampleBody());
    }
}
