package dev.hookyard.vendor.leaflink;

import dev.hookyard.spi.EventCatalog;
import dev.hookyard.spi.EventType;
import dev.hookyard.vendor.leaflink.events.OrderEvent;
import dev.hookyard.vendor.leaflink.events.ProductEvent;

import java.util.List;

/**
 * The six event types LeafLink's two subscriptions send, with a sample body each. LeafLink's page publishes no
 * payload, only the test vector's {@code {"foo": "bar"}}, so the samples are illustrative: the envelope and the
 * fields public integrations show ({@code id}, {@code number}, {@code created_on}, {@code customer},
 * {@code orderedproduct_set}; {@code id}, {@code sku}, {@code modified}), plus a few fields shaped like LeafLink's
 * REST API resources (prices as {@code {"amount","currency"}}, quantities as decimal strings, products referenced by
 * id) so that handlers see realistic extra data.
 */
final class LeafLinkEventCatalog {

    private static final String CUSTOMER = """
            "customer":{"id":9921,"name":"Green Leaf Dispensary","license_number":"C10-0000123-LIC",\
            "dba":"Green Leaf"}""";

    private static final String LINES = """
            "orderedproduct_set":[\
            {"id":771201,"product":30551,"quantity":"24.0000",\
            "ordered_unit_price":{"amount":"25.00","currency":"USD"},"is_sample":false},\
            {"id":771202,"product":30552,"quantity":"12.0000",\
            "ordered_unit_price":{"amount":"55.00","currency":"USD"},"is_sample":false}]""";

    static final EventCatalog CATALOG = new EventCatalog(List.of(
            new EventType(OrderEvent.CREATE, "An order was placed: a buyer submitted it or a seller entered it"
                    + " (NEW & CHANGED ORDERS).", OrderEvent.class,
                    order("create", "Submitted", "2024-03-14T16:02:11.482913-07:00")),
            new EventType(OrderEvent.EDIT, "An order changed: its status, lines, prices or delivery details"
                    + " (NEW & CHANGED ORDERS).", OrderEvent.class,
                    order("edit", "Accepted", "2024-03-15T08:30:54.201377-07:00")),
            new EventType(OrderEvent.DELETE, "An order was deleted (NEW & CHANGED ORDERS).", OrderEvent.class,
                    order("delete", "Cancelled", "2024-03-15T10:05:19.660081-07:00")),
            new EventType(ProductEvent.CREATE, "A product was listed (NEW & CHANGED PRODUCTS).", ProductEvent.class,
                    product("create", "480.0000", "Available", "2024-02-01T09:12:40.118204-07:00")),
            new EventType(ProductEvent.EDIT, "A product changed, e.g. its price or its inventory after an order"
                    + " (NEW & CHANGED PRODUCTS; an order action fans out into one per product).",
                    ProductEvent.class,
                    product("edit", "456.0000", "Available", "2024-03-14T16:02:12.907114-07:00")),
            new EventType(ProductEvent.DELETE, "A product was deleted (NEW & CHANGED PRODUCTS).", ProductEvent.class,
                    product("delete", "0.0000", "Archived", "2024-04-02T11:47:03.550912-07:00"))));

    private LeafLinkEventCatalog() {
    }

    private static String order(String action, String status, String modified) {
        return "{\"action\":\"" + action + "\",\"type\":\"order\",\"data\":{\"id\":48213,"
                + "\"number\":\"5f2a3c1e-8d4b-4e8a-9b1f-2c6d7e8f9a0b\",\"short_id\":\"GLD-48213\","
                + "\"created_on\":\"2024-03-14T16:02:11.482913-07:00\",\"modified\":\"" + modified + "\","
                + "\"status\":\"" + status + "\",\"seller\":1877,\"buyer\":9921," + CUSTOMER + ","
                + "\"total\":{\"amount\":\"1260.00\",\"currency\":\"USD\"},\"notes\":\"Deliver before noon\","
                + LINES + "}}";
    }

    private static String product(String action, String quantity, String listingState, String modified) {
        return "{\"action\":\"" + action + "\",\"type\":\"product\",\"data\":{\"id\":30551,"
                + "\"sku\":\"GL-BD-FLW-3.5G\",\"name\":\"Blue Dream Flower 3.5g\",\"brand\":412,\"seller\":1877,"
                + "\"category\":\"Flower\",\"strain_classification\":\"hybrid\",\"unit_of_measure\":\"Unit\","
                + "\"wholesale_price\":{\"amount\":\"25.00\",\"currency\":\"USD\"},\"quantity\":\"" + quantity
                + "\",\"listing_state\":\"" + listingState + "\","
                + "\"created_on\":\"2024-02-01T09:12:40.118204-07:00\",\"modified\":\"" + modified + "\"}}";
    }
}
