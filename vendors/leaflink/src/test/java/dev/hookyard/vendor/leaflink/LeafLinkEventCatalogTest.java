package dev.hookyard.vendor.leaflink;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.EventType;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.Verification;
import dev.hookyard.spi.WebhookEvent;
import dev.hookyard.testkit.SignedDeliveries;
import dev.hookyard.testkit.VendorContexts;
import dev.hookyard.vendor.leaflink.events.OrderEvent;
import dev.hookyard.vendor.leaflink.events.ProductEvent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static dev.hookyard.vendor.leaflink.LeafLinkVendors.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeafLinkEventCatalogTest {

    private static final String KEY = "catalog-key";

    @Test
    void listsTheSixTypesInOrder() {
        assertEquals(List.of("order.create", "order.edit", "order.delete", "product.create", "product.edit",
                "product.delete"), vendor().catalog().names());
    }

    @Test
    void everySampleSignsVerifiesAndParsesToItsDeclaredClassInStrictMode() {
        Vendor leaflink = vendor(Map.of("strict", true), KEY);
        SignedDeliveries signed = SignedDeliveries.of(leaflink, "leaflink", Secret.of(KEY), VendorContexts.FIXED_CLOCK);
        for (EventType type : leaflink.catalog().types()) {
            Delivery delivery = signed.sample(type);
            assertEquals(List.of("LL-Signature"), delivery.headers().names());
            assertInstanceOf(Verification.Verified.class, leaflink.verifier().verify(delivery), type.name());
            WebhookEvent event = assertInstanceOf(ParseResult.Parsed.class, leaflink.parser().parse(delivery),
                    type.name()).event();
            assertEquals(type.eventClass(), event.getClass(), type.name());
            assertEquals(type.name(), event.type());
            assertEquals("leaflink", event.vendor());
            assertEquals(delivery.bodySha256(), event.deliveryKey());
        }
    }

    @Test
    void orderSamplesCarryTheDocumentedFields() {
        for (String name : List.of(OrderEvent.CREATE, OrderEvent.EDIT, OrderEvent.DELETE)) {
            OrderEvent order = (OrderEvent) parsed(name);
            assertEquals("48213", order.id());
            assertEquals("5f2a3c1e-8d4b-4e8a-9b1f-2c6d7e8f9a0b", order.number());
            assertTrue(order.createdOnTime().isPresent());
            assertEquals("Green Leaf Dispensary", order.customer().name());
            assertEquals("C10-0000123-LIC", order.customer().licenseNumber());
            assertEquals(2, order.orderedProducts().size());
            assertEquals("30551", order.orderedProducts().get(0).productId());
            assertEquals(new BigDecimal("24.0000"), order.orderedProducts().get(0).quantity());
        }
    }

    @Test
    void productSamplesCarryTheDocumentedFields() {
        for (String name : List.of(ProductEvent.CREATE, ProductEvent.EDIT, ProductEvent.DELETE)) {
            ProductEvent product = (ProductEvent) parsed(name);
            assertEquals("30551", product.id());
            assertEquals("GL-BD-FLW-3.5G", product.sku());
            assertTrue(product.modifiedTime().isPresent());
        }
    }

    @Test
    void everyTypeHasADescriptionAndItsOwnSample() {
        List<EventType> types = vendor().catalog().types();
        for (EventType type : types) {
            String[] parts = type.name().split("\\.");
            assertTrue(type.sampleBody().startsWith("{\"action\":\"" + parts[1] + "\",\"type\":\"" + parts[0]
                    + "\""), type.name());
            assertTrue(type.description().endsWith("."), type.name());
            assertFalse(type.description().isBlank());
        }
        assertEquals(types.size(), types.stream().map(EventType::sampleBody).distinct().count());
    }

    private static WebhookEvent parsed(String name) {
        Vendor leaflink = vendor(KEY);
        Delivery delivery = SignedDeliveries.of(leaflink, "leaflink", Secret.of(KEY), VendorContexts.FIXED_CLOCK)
                .sample(name);
        WebhookEvent event = ((ParseResult.Parsed) leaflink.parser().parse(delivery)).event();
        assertNotNull(event);
        return event;
    }
}
