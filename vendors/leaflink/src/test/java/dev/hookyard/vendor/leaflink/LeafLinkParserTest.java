package dev.hookyard.vendor.leaflink;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.GenericEvent;
import dev.hookyard.spi.Headers;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Parser;
import dev.hookyard.spi.WebhookEvent;
import dev.hookyard.vendor.leaflink.events.Customer;
import dev.hookyard.vendor.leaflink.events.LeafLinkAction;
import dev.hookyard.vendor.leaflink.events.LeafLinkEvent;
import dev.hookyard.vendor.leaflink.events.OrderEvent;
import dev.hookyard.vendor.leaflink.events.OrderedProduct;
import dev.hookyard.vendor.leaflink.events.ProductEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static dev.hookyard.vendor.leaflink.LeafLinkVendors.delivery;
import static dev.hookyard.vendor.leaflink.LeafLinkVendors.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeafLinkParserTest {

    private static final String ORDER = "{\"action\":\"create\",\"type\":\"order\",\"data\":{\"id\":48213,"
            + "\"number\":\"5f2a3c1e-8d4b-4e8a-9b1f-2c6d7e8f9a0b\",\"created_on\":\"2024-03-14T16:02:11.482913-07:00\","
            + "\"status\":\"Submitted\",\"customer\":{\"id\":9921,\"name\":\"Green Leaf Dispensary\","
            + "\"license_number\":\"C10-0000123-LIC\"},\"orderedproduct_set\":["
            + "{\"id\":771201,\"product\":30551,\"quantity\":\"24.0000\",\"is_sample\":false},"
            + "{\"id\":\"771202\",\"product\":{\"id\":30552,\"sku\":\"GL-X\"},\"quantity\":12.50}]}}";

    private static final String PRODUCT = "{\"action\":\"edit\",\"type\":\"product\",\"data\":{\"id\":30551,"
            + "\"sku\":\"GL-BD-FLW-3.5G\",\"modified\":\"2024-03-14T15:40:02.118204-07:00\","
            + "\"quantity\":\"456.0000\"}}";

    private final Parser parser = vendor("k").parser();
    private final Parser strict = vendor(Map.of("strict", true), "k").parser();

    private static Delivery body(String json) {
        return delivery(json, Map.of());
    }

    private <T extends WebhookEvent> T parse(Parser p, String json, Class<T> type) {
        ParseResult result = p.parse(body(json));
        ParseResult.Parsed parsed = assertInstanceOf(ParseResult.Parsed.class, result, result::toString);
        return assertInstanceOf(type, parsed.event());
    }

    private <T extends WebhookEvent> T parse(String json, Class<T> type) {
        return parse(parser, json, type);
    }

    private static String malformed(Parser p, String json) {
        return assertInstanceOf(ParseResult.Malformed.class, p.parse(body(json))).reason();
    }

    @Test
    void orderFields() {
        OrderEvent order = parse(ORDER, OrderEvent.class);
        assertEquals(LeafLinkAction.CREATE, order.action());
        assertEquals("order.create", order.type());
        assertEquals("48213", order.id());
        assertEquals("5f2a3c1e-8d4b-4e8a-9b1f-2c6d7e8f9a0b", order.number());
        assertEquals("2024-03-14T16:02:11.482913-07:00", order.createdOn());
        assertEquals(Optional.of(OffsetDateTime.parse("2024-03-14T16:02:11.482913-07:00")), order.createdOnTime());
        assertEquals("Submitted", order.data().get("status"));
        assertEquals(48213L, order.data().get("id"));

        Customer customer = order.customer();
        assertEquals("9921", customer.id());
        assertEquals("Green Leaf Dispensary", customer.name());
        assertEquals("C10-0000123-LIC", customer.licenseNumber());
        assertEquals(List.of("id", "name", "license_number"), List.copyOf(customer.fields().keySet()));

        List<OrderedProduct> lines = order.orderedProducts();
        assertEquals(2, lines.size());
        assertEquals(new OrderedProduct("771201", "30551", new BigDecimal("24.0000"),
                lines.get(0).fields()), lines.get(0));
        assertEquals(false, lines.get(0).fields().get("is_sample"));
        assertEquals("771202", lines.get(1).id());
        assertEquals("30552", lines.get(1).productId(), "an expanded product object gives its id");
        assertEquals(new BigDecimal("12.50"), lines.get(1).quantity());
        assertEquals(Map.of("id", 30552L, "sku", "GL-X"), lines.get(1).fields().get("product"));
    }

    @Test
    void productFields() {
        ProductEvent product = parse(PRODUCT, ProductEvent.class);
        assertEquals(LeafLinkAction.EDIT, product.action());
        assertEquals("product.edit", product.type());
        assertEquals("30551", product.id());
        assertEquals("GL-BD-FLW-3.5G", product.sku());
        assertEquals("2024-03-14T15:40:02.118204-07:00", product.modified());
        assertEquals(Instant.parse("2024-03-14T22:40:02.118204Z"), product.modifiedTime().orElseThrow().toInstant());
        assertEquals("456.0000", product.data().get("quantity"));
    }

    @ParameterizedTest
    @CsvSource({
            "order,   create, order.create",
            "order,   edit,   order.edit",
            "order,   delete, order.delete",
            "product, create, product.create",
            "product, edit,   product.edit",
            "product, delete, product.delete"})
    void typeNameIsTypeDotAction(String type, String action, String expected) {
        String json = "{\"action\":\"" + action + "\",\"type\":\"" + type + "\",\"data\":{}}";
        LeafLinkEvent event = parse(json, LeafLinkEvent.class);
        assertEquals(expected, event.type());
        assertEquals(action, event.action().wireName());
        assertEquals(type.equals("order") ? OrderEvent.class : ProductEvent.class, event.getClass());
    }

    @Test
    void envelopeKeyOrderDoesNotMatter() {
        assertEquals("product.delete",
                parse("{\"data\":{\"id\":1},\"type\":\"product\",\"action\":\"delete\"}", ProductEvent.class).type());
    }

    @Test
    void eventCarriesVendorDeliveryAndBodyShaAsKey() {
        Delivery delivery = body(ORDER);
        WebhookEvent event = ((ParseResult.Parsed) parser.parse(delivery)).event();
        assertEquals("leaflink", event.vendor());
        assertEquals(delivery.bodySha256(), event.deliveryKey());
        assertSame(delivery, event.delivery());
    }

    @Test
    void fanOutWebhooksOfOneOrderEachHaveTheirOwnKey() {
        List<String> keys = List.of(ORDER,
                "{\"action\":\"edit\",\"type\":\"product\",\"data\":{\"id\":30551,\"quantity\":\"456.0000\"}}",
                "{\"action\":\"edit\",\"type\":\"product\",\"data\":{\"id\":30552,\"quantity\":\"88.0000\"}}")
                .stream().map(json -> parse(json, LeafLinkEvent.class).deliveryKey()).distinct().toList();
        assertEquals(3, keys.size());
    }

    @Test
    void parsingIsDeterministic() {
        assertEquals(parser.parse(body(ORDER)), parser.parse(body(ORDER)));
        assertEquals(parser.parse(body(PRODUCT)), parser.parse(body(PRODUCT)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"id\":30551}                     | 30551",
            "{\"id\":\"30551\"}                 | 30551",
            "{\"id\":\"a1b2-c3\"}               | a1b2-c3",
            "{\"id\":123456789012345678901234}  | 123456789012345678901234",
            "{\"id\":-7}                        | -7"})
    void idsMayBeNumbersOrStrings(String data, String expected) {
        assertEquals(expected, parse("{\"action\":\"edit\",\"type\":\"product\",\"data\":" + data + "}",
                ProductEvent.class).id());
        assertEquals(expected, parse("{\"action\":\"edit\",\"type\":\"order\",\"data\":" + data + "}",
                OrderEvent.class).id());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"action\":\"create\",\"type\":\"order\"}",
            "{\"action\":\"create\",\"type\":\"order\",\"data\":null}",
            "{\"action\":\"create\",\"type\":\"order\",\"data\":{}}",
            "{\"action\":\"create\",\"type\":\"order\",\"data\":{\"id\":null,\"number\":null,\"customer\":null,"
                    + "\"orderedproduct_set\":null,\"created_on\":null}}"})
    void missingOrderFieldsAreNullOrEmpty(String json) {
        OrderEvent order = parse(json, OrderEvent.class);
        assertNull(order.id());
        assertNull(order.number());
        assertNull(order.createdOn());
        assertEquals(Optional.empty(), order.createdOnTime());
        assertNull(order.customer());
        assertEquals(List.of(), order.orderedProducts());
        assertNotNull(order.data());
    }

    @Test
    void missingProductFieldsAreNull() {
        ProductEvent product = parse("{\"action\":\"delete\",\"type\":\"product\"}", ProductEvent.class);
        assertNull(product.id());
        assertNull(product.sku());
        assertNull(product.modified());
        assertEquals(Optional.empty(), product.modifiedTime());
        assertEquals(Map.of(), product.data());
    }

    @Test
    void unexpectedFieldTypesReadAsNullAndStayInData() {
        OrderEvent order = parse("{\"action\":\"edit\",\"type\":\"order\",\"data\":{\"id\":{\"pk\":1},"
                + "\"number\":[1],\"created_on\":true,\"customer\":[\"x\"],\"orderedproduct_set\":{\"id\":1}}}",
                OrderEvent.class);
        assertNull(order.id());
        assertNull(order.number());
        assertNull(order.createdOn());
        assertNull(order.customer());
        assertEquals(List.of(), order.orderedProducts());
        assertEquals(Map.of("pk", 1L), order.data().get("id"));
        assertEquals(Map.of("id", 1L), order.data().get("orderedproduct_set"));

        ProductEvent product = parse("{\"action\":\"edit\",\"type\":\"product\",\"data\":{\"id\":false,"
                + "\"sku\":{},\"modified\":1710456002}}", ProductEvent.class);
        assertNull(product.id());
        assertNull(product.sku());
        assertEquals("1710456002", product.modified());
        assertEquals(Optional.empty(), product.modifiedTime());
    }

    @Test
    void customerGivenAsABareIdKeepsTheId() {
        for (String id : List.of("9921", "\"9921\"")) {
            Customer customer = parse("{\"action\":\"create\",\"type\":\"order\",\"data\":{\"customer\":" + id + "}}",
                    OrderEvent.class).customer();
            assertEquals(new Customer("9921", null, null, Map.of()), customer);
        }
    }

    @Test
    void customerWithMissingOrNumericFields() {
        Customer customer = parse("{\"action\":\"create\",\"type\":\"order\",\"data\":{\"customer\":"
                + "{\"license_number\":402117}}}", OrderEvent.class).customer();
        assertNull(customer.id());
        assertNull(customer.name());
        assertEquals("402117", customer.licenseNumber());
    }

    @Test
    void orderedProductLinesAreLenient() {
        OrderEvent order = parse("{\"action\":\"create\",\"type\":\"order\",\"data\":{\"orderedproduct_set\":["
                + "{}, 42, null, \"x\", {\"quantity\":\"lots\",\"product\":null},"
                + "{\"quantity\":\"1e9\"}, {\"quantity\":\"\u0664\u0662\"}, {\"quantity\":\" 3.5 \"}]}}",
                OrderEvent.class);
        List<OrderedProduct> lines = order.orderedProducts();
        assertEquals(5, lines.size(), "non-object entries are left to data");
        assertEquals(new OrderedProduct(null, null, null, Map.of()), lines.get(0));
        assertNull(lines.get(1).quantity());
        assertNull(lines.get(1).productId());
        assertNull(lines.get(2).quantity(), "no exponents");
        assertNull(lines.get(3).quantity(), "ASCII digits only");
        assertEquals(new BigDecimal("3.5"), lines.get(4).quantity());
        assertEquals(8, ((List<?>) order.data().get("orderedproduct_set")).size());
    }

    @Test
    void timestampsWithoutAnOffsetKeepTheTextOnly() {
        OrderEvent order = parse("{\"action\":\"create\",\"type\":\"order\",\"data\":"
                + "{\"created_on\":\"2024-03-14T16:02:11\"}}", OrderEvent.class);
        assertEquals("2024-03-14T16:02:11", order.createdOn());
        assertEquals(Optional.empty(), order.createdOnTime());
        assertEquals(Optional.of(OffsetDateTime.parse("2024-03-14T23:02:11Z")), parse("{\"action\":\"create\","
                + "\"type\":\"order\",\"data\":{\"created_on\":\"2024-03-14T23:02:11Z\"}}", OrderEvent.class)
                .createdOnTime());
    }

    @Test
    void dataKeepsEveryFieldAsPlainUnmodifiableValues() {
        OrderEvent order = parse("{\"action\":\"create\",\"type\":\"order\",\"data\":{\"z\":1,\"a\":null,"
                + "\"m\":{\"k\":[{\"x\":1.50}]},\"big\":123456789012345678901234567890,\"t\":true}}",
                OrderEvent.class);
        assertEquals(List.of("z", "a", "m", "big", "t"), List.copyOf(order.data().keySet()));
        assertTrue(order.data().containsKey("a"));
        assertNull(order.data().get("a"));
        assertEquals(new BigInteger("123456789012345678901234567890"), order.data().get("big"));
        assertEquals(true, order.data().get("t"));
        Map<?, ?> m = (Map<?, ?>) order.data().get("m");
        List<?> k = (List<?>) m.get("k");
        assertEquals(Map.of("x", new BigDecimal("1.50")), k.get(0));
        assertThrows(UnsupportedOperationException.class, () -> order.data().put("b", 2));
        assertThrows(UnsupportedOperationException.class, k::clear);
        assertThrows(UnsupportedOperationException.class, () -> ((Map<?, ?>) k.get(0)).clear());
        OrderEvent full = parse(ORDER, OrderEvent.class);
        assertThrows(UnsupportedOperationException.class, () -> full.orderedProducts().clear());
        assertThrows(UnsupportedOperationException.class, () -> full.customer().fields().clear());
        assertThrows(UnsupportedOperationException.class, () -> full.orderedProducts().get(0).fields().clear());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"action\":\"archive\",\"type\":\"order\",\"data\":{}}   | order.archive",
            "{\"action\":\"create\",\"type\":\"invoice\",\"data\":{}}  | invoice.create",
            "{\"action\":\"Create\",\"type\":\"order\"}                | order.Create",
            "{\"action\":\"create\",\"type\":\"Order\"}                | Order.create",
            "{\"action\":\"create\",\"type\":\"order.line\"}           | order.line.create"})
    void unknownActionOrTypeIsGenericKeepingTheRawJson(String json, String type) {
        GenericEvent event = parse(json, GenericEvent.class);
        assertEquals("leaflink", event.vendor());
        assertEquals(type, event.type());
        assertEquals(json, event.json());
        assertEquals(body(json).bodySha256(), event.deliveryKey());
        assertEquals("unknown event type", malformed(strict, json));
    }

    @Test
    void strictModeKeepsKnownTypes() {
        assertEquals("order.create", parse(strict, ORDER, OrderEvent.class).type());
        assertEquals("product.edit", parse(strict, PRODUCT, ProductEvent.class).type());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json                                          | body is not JSON",
            "{\"action\":\"create\",\"type\":\"order\"         | body is not JSON",
            "{\"action\":\"create\",\"type\":\"order\"} x      | body is not JSON",
            "{\"action\":\"create\",\"type\":\"order\"}{}      | body is not JSON",
            "{\"type\":\"order\",\"type\":\"product\",\"action\":\"edit\"} | body is not JSON",
            "[{\"action\":\"create\",\"type\":\"order\"}]      | body is not a JSON object",
            "\"order\"                                         | body is not a JSON object",
            "42                                                | body is not a JSON object",
            "null                                              | body is not a JSON object",
            "{}                                                | type is missing",
            "{\"foo\": \"bar\"}                                | type is missing",
            "{\"action\":\"create\"}                           | type is missing",
            "{\"action\":\"create\",\"type\":null}             | type is missing",
            "{\"action\":\"create\",\"type\":1}                | type is not a string",
            "{\"action\":\"create\",\"type\":[\"order\"]}      | type is not a string",
            "{\"action\":\"create\",\"type\":\" \"}            | type is empty",
            "{\"type\":\"order\"}                              | action is missing",
            "{\"type\":\"order\",\"action\":true}              | action is not a string",
            "{\"type\":\"order\",\"action\":\"\"}              | action is empty",
            "{\"type\":\"order\",\"action\":\"edit\",\"data\":[]}      | data is not an object",
            "{\"type\":\"order\",\"action\":\"edit\",\"data\":\"x\"}   | data is not an object",
            "{\"type\":\"order\",\"action\":\"edit\",\"data\":7}       | data is not an object"})
    void bodiesThatAreNotTheEnvelopeAreMalformedWithAFixedReason(String json, String reason) {
        assertEquals(reason, malformed(parser, json));
        assertEquals(reason, malformed(strict, json));
    }

    @Test
    void emptyAndBinaryBodiesAreMalformed() {
        assertEquals("body is empty", malformed(parser, ""));
        assertEquals("body is empty", malformed(parser, " \n"));
        ParseResult binary = parser.parse(new Delivery("leaflink", Headers.empty(),
                new byte[] {(byte) 0xff, 0, (byte) 0xfe}, Instant.EPOCH));
        assertEquals("body is not JSON", assertInstanceOf(ParseResult.Malformed.class, binary).reason());
    }

    @Test
    void malformedReasonsNeverEchoTheBody() {
        String secretish = "SECRET-PAYLOAD-123";
        for (String json : List.of(secretish, "{\"type\":\"" + secretish + "\"", "[\"" + secretish + "\"]",
                "{\"type\":\"order\",\"action\":\"edit\",\"data\":\"" + secretish + "\"}",
                "{\"type\":\"" + secretish + "\",\"action\":{}}")) {
            assertFalse(malformed(parser, json).contains(secretish));
        }
        assertFalse(malformed(strict, "{\"type\":\"" + secretish + "\",\"action\":\"edit\"}").contains(secretish));
    }

    @Test
    void deeplyNestedBodiesAreMalformedNotAStackOverflow() {
        String deep = "{\"type\":\"order\",\"action\":\"edit\",\"data\":{\"x\":" + "[".repeat(100_000)
                + "]".repeat(100_000) + "}}";
        assertEquals("body is not JSON", malformed(parser, deep));
    }

    @Test
    void garbageNeverThrows() {
        Random random = new Random(7);
        String[] fragments = {"{", "}", "[", "]", "\"type\"", "\"action\"", "\"data\"", "\"order\"", "\"product\"",
                "\"create\"", "\"customer\"", "\"orderedproduct_set\"", "\"quantity\"", "\"product\"", ":", ",",
                "null", "1", "-0.5e3", "\"x\"", "true", "\"\\u0000\"", "\u00e9", "\uD83D\uDE42"};
        for (int i = 0; i < 5_000; i++) {
            byte[] bytes;
            if (i % 2 == 0) {
                bytes = new byte[random.nextInt(64)];
                random.nextBytes(bytes);
            } else {
                StringBuilder text = new StringBuilder();
                for (int j = random.nextInt(40); j > 0; j--) {
                    text.append(fragments[random.nextInt(fragments.length)]);
                }
                bytes = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            Delivery delivery = new Delivery("leaflink", Headers.empty(), bytes, Instant.EPOCH);
            for (Parser p : List.of(parser, strict)) {
                assertNotNull(p.parse(delivery), () -> Arrays.toString(bytes));
            }
        }
    }

    @Test
    void everyTypedEventIsAPermittedLeafLinkEventAndInTheCatalog() {
        java.util.Set<Class<?>> permitted = java.util.Set.of(LeafLinkEvent.class.getPermittedSubclasses());
        java.util.Set<Class<?>> catalogued = vendor().catalog().types().stream()
                .map(dev.hookyard.spi.EventType::eventClass).collect(java.util.stream.Collectors.toSet());
        assertEquals(permitted, catalogued);
        assertTrue(LeafLinkEvent.class.isSealed());
    }
}
