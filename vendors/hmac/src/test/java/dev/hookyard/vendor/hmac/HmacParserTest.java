package dev.hookyard.vendor.hmac;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Vendor;
import dev.hookyard.vendor.hmac.events.HmacEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import static dev.hookyard.vendor.hmac.HmacVendors.BASIC;
import static dev.hookyard.vendor.hmac.HmacVendors.delivery;
import static dev.hookyard.vendor.hmac.HmacVendors.vendor;
import static dev.hookyard.vendor.hmac.HmacVendors.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class HmacParserTest {

    private final Vendor basic = vendor(with(BASIC, "key", "/id"), "secret");

    @Test
    void typeAndKeyComeFromTheBody() {
        HmacEvent event = parsed(basic, delivery("{\"event\":\"order.created\",\"id\":\"ord_1\",\"total\":12.50}"));

        assertEquals("hmac", event.vendor());
        assertEquals("order.created", event.type());
        assertEquals("ord_1", event.deliveryKey());
        assertEquals(new java.math.BigDecimal("12.50"), event.payload().get("total"));
    }

    @Test
    void nestedPointersAndWholeNumbersAreRead() {
        Vendor nested = vendor(Map.of("header", "X-S", "type", "/data/kind", "key", "/data/seq"), "secret");

        HmacEvent event = parsed(nested, delivery("{\"data\":{\"kind\":\"tick\",\"seq\":123456789012345678901}}"));

        assertEquals("tick", event.type());
        assertEquals("123456789012345678901", event.deliveryKey());
        assertEquals(new BigInteger("123456789012345678901"), ((Map<?, ?>) event.payload().get("data")).get("seq"));
    }

    @Test
    void withoutAKeyTheKeyIsTheBodysSha256() {
        Delivery delivery = delivery("{\"event\":\"ping\"}");

        assertEquals(delivery.bodySha256(), parsed(vendor(BASIC, "secret"), delivery).deliveryKey());
    }

    @Test
    void aLongOrUnprintableKeyFromTheBodyIsHashed() throws Exception {
        String longKey = "k".repeat(129);
        assertEquals("sha256:" + sha256(longKey), parsed(basic, delivery("{\"event\":\"e\",\"id\":\"" + longKey
                + "\"}")).deliveryKey());
        assertEquals("sha256:" + sha256("two words"), parsed(basic, delivery("{\"event\":\"e\",\"id\":"
                + "\"two words\"}")).deliveryKey());
        assertEquals("k".repeat(128), parsed(basic, delivery("{\"event\":\"e\",\"id\":\"" + "k".repeat(128)
                + "\"}")).deliveryKey());
    }

    @Test
    void aKeyFromAHeaderIsHashedWithTheEndpointName() throws Exception {
        Vendor headers = vendor(Map.of("header", "X-S", "type", "header:X-Event", "key", "header:X-Delivery"), "s");

        HmacEvent event = parsed(headers, delivery("{}", "X-Event", "order.paid", "X-Delivery", "evt_42"));

        assertEquals("order.paid", event.type());
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update("hmac-endpoint".getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        assertEquals(HexFormat.of().formatHex(digest.digest("evt_42".getBytes(StandardCharsets.UTF_8))),
                event.deliveryKey());
        HmacEvent elsewhere = parsed(new HmacVendorFactory().create(dev.hookyard.testkit.VendorContexts.of(
                "another-endpoint", dev.hookyard.spi.Keyring.of("s"), Map.of("header", "X-S", "type",
                        "header:X-Event", "key", "header:X-Delivery"))), delivery("{}", "X-Event", "order.paid",
                "X-Delivery", "evt_42"));
        assertNotEquals(event.deliveryKey(), elsewhere.deliveryKey());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"id\":\"1\"} | the type at /event is missing",
            "{\"event\":null,\"id\":\"1\"} | the type at /event is missing",
            "{\"event\":\" \",\"id\":\"1\"} | the type at /event is empty",
            "{\"event\":{\"name\":\"x\"},\"id\":\"1\"} | the type at /event is not a string or a whole number",
            "{\"event\":1.5,\"id\":\"1\"} | the type at /event is not a string or a whole number",
            "{\"event\":\"caf\u00e9\",\"id\":\"1\"} | the type at /event is not an event type (1 to 128 printable ASCII characters)",
            "{\"event\":\"x\"} | the key at /id is missing",
            "{\"event\":\"x\",\"id\":true} | the key at /id is not a string or a whole number",
            "[] | body is not a JSON object",
            "{\"event\":\"x\",\"event\":\"y\",\"id\":\"1\"} | body is not JSON",
            "token=abc&team_id=T1 | body is not JSON"})
    void aBodyWithoutAUsableTypeOrKeyIsMalformed(String body, String reason) {
        assertEquals(ParseResult.malformed(reason), basic.parser().parse(delivery(body)));
    }

    @Test
    void aTypeOrKeyHeaderMissingEmptyRepeatedOrUnprintableIsMalformed() {
        Vendor headers = vendor(Map.of("header", "X-S", "type", "header:X-Event", "key", "header:X-Delivery"), "s");

        assertEquals(ParseResult.malformed("the type at header X-Event is missing"),
                headers.parser().parse(delivery("{}", "X-Delivery", "1")));
        assertEquals(ParseResult.malformed("the type at header X-Event is empty"),
                headers.parser().parse(delivery("{}", "X-Event", " ", "X-Delivery", "1")));
        assertEquals(ParseResult.malformed("the type at header X-Event is sent more than once"),
                headers.parser().parse(delivery("{}", "X-Event", "a", "X-Event", "b", "X-Delivery", "1")));
        assertEquals(ParseResult.malformed("the type at header X-Event is not an event type (1 to 128 printable"
                + " ASCII characters)"), headers.parser().parse(delivery("{}", "X-Event", "t".repeat(129),
                "X-Delivery", "1")));
        assertEquals(ParseResult.malformed("the key at header X-Delivery is missing"),
                headers.parser().parse(delivery("{}", "X-Event", "a")));
    }

    private static HmacEvent parsed(Vendor vendor, Delivery delivery) {
        ParseResult result = vendor.parser().parse(delivery);
        return assertInstanceOf(HmacEvent.class, assertInstanceOf(ParseResult.Parsed.class, result,
                result::toString).event());
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
