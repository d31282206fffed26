package dev.hookyard.vendor.stripe;

import static dev.hookyard.vendor.stripe.StripeVendors.VECTOR_BODY;
import static dev.hookyard.vendor.stripe.StripeVendors.delivery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.GenericEvent;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.WebhookEvent;
import dev.hookyard.vendor.stripe.events.ChargeRefunded;
import dev.hookyard.vendor.stripe.events.CustomerCreated;
import dev.hookyard.vendor.stripe.events.EventEnvelope;
import dev.hookyard.vendor.stripe.events.InvoicePaid;
import dev.hookyard.vendor.stripe.events.PaymentIntentSucceeded;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StripeParserTest {

    private final StripeParser parser = new StripeParser();

    private static String event(String type, String object) {
        return "{\"id\":\"evt_1\",\"object\":\"event\",\"api_version\":\"2024-06-20\",\"created\":1735689600,"
                + "\"data\":{\"object\":" + object + "},\"livemode\":true,\"type\":\"" + type + "\"}";
    }

    private WebhookEvent parsed(String body) {
        return assertInstanceOf(ParseResult.Parsed.class, parser.parse(delivery(body, Map.of()))).event();
    }

    private String malformed(String body) {
        return assertInstanceOf(ParseResult.Malformed.class, parser.parse(delivery(body, Map.of()))).reason();
    }

    @Test
    void paymentIntentSucceededIsTyped() {
        PaymentIntentSucceeded event = assertInstanceOf(PaymentIntentSucceeded.class, parsed(event(
                "payment_intent.succeeded", "{\"id\":\"pi_1\",\"object\":\"payment_intent\",\"amount\":2000,"
                        + "\"amount_received\":1999,\"currency\":\"eur\",\"customer\":\"cus_1\",\"metadata\":"
                        + "{\"order\":\"6735\"}}")));
        assertEquals(new EventEnvelope("evt_1", Instant.ofEpochSecond(1735689600), true, "2024-06-20"),
                event.envelope());
        assertEquals("stripe", event.vendor());
        assertEquals("payment_intent.succeeded", event.type());
        assertEquals("evt_1", event.deliveryKey());
        assertEquals("pi_1", event.paymentIntentId());
        assertEquals(2000, event.amount());
        assertEquals(1999, event.amountReceived());
        assertEquals("eur", event.currency());
        assertEquals("cus_1", event.customerId());
        assertEquals(Map.of("order", "6735"), event.object().get("metadata"));
    }

    @Test
    void chargeRefundedIsTyped() {
        ChargeRefunded event = assertInstanceOf(ChargeRefunded.class, parsed(event("charge.refunded",
                "{\"id\":\"ch_1\",\"amount\":2000,\"amount_refunded\":500,\"currency\":\"usd\","
                        + "\"payment_intent\":\"pi_1\",\"customer\":null}")));
        assertEquals("ch_1", event.chargeId());
        assertEquals(2000, event.amount());
        assertEquals(500, event.amountRefunded());
        assertFalse(event.isFullyRefunded());
        assertEquals("pi_1", event.paymentIntentId());
        assertNull(event.customerId());
    }

    @Test
    void customerCreatedIsTypedWithOptionalEmailAndName() {
        CustomerCreated event = assertInstanceOf(CustomerCreated.class, parsed(VECTOR_BODY));
        assertEquals("cus_test_hookyard", event.customerId());
        assertEquals("jenny.rosen@example.com", event.email());
        assertEquals("Jenny Rosen", event.name());
        assertEquals(false, event.envelope().livemode());
        CustomerCreated bare = assertInstanceOf(CustomerCreated.class, parsed(event("customer.created",
                "{\"id\":\"cus_2\"}")));
        assertNull(bare.email());
        assertNull(bare.name());
    }

    @Test
    void invoicePaidIsTyped() {
        InvoicePaid event = assertInstanceOf(InvoicePaid.class, parsed(event("invoice.paid",
                "{\"id\":\"in_1\",\"customer\":\"cus_1\",\"amount_paid\":1500,\"currency\":\"usd\"}")));
        assertEquals("in_1", event.invoiceId());
        assertEquals("cus_1", event.customerId());
        assertEquals(1500, event.amountPaid());
        assertEquals("usd", event.currency());
    }

    @Test
    void anEventWithoutApiVersionHasNone() {
        InvoicePaid event = assertInstanceOf(InvoicePaid.class, parsed("{\"id\":\"evt_2\",\"type\":\"invoice.paid\","
                + "\"created\":1,\"livemode\":false,\"data\":{\"object\":{\"id\":\"in_1\",\"amount_paid\":1,"
                + "\"currency\":\"usd\"}}}"));
        assertNull(event.envelope().apiVersion());
        assertNull(event.customerId());
    }

    @Test
    void everyOtherTypeIsAGenericEventKeyedByTheEventId() {
        GenericEvent event = assertInstanceOf(GenericEvent.class, parsed(event("customer.subscription.updated",
                "{\"id\":\"sub_1\"}")));
        assertEquals("stripe", event.vendor());
        assertEquals("customer.subscription.updated", event.type());
        assertEquals("evt_1", event.deliveryKey());
    }

    @Test
    void aThinEventOfAnotherShapeIsKeptAsAGenericEvent() {
        GenericEvent event = assertInstanceOf(GenericEvent.class, parsed("{\"id\":\"evt_test_65R9\",\"object\":"
                + "\"v2.core.event\",\"type\":\"v1.billing.meter.error_report_triggered\",\"created\":"
                + "\"2024-09-17T06:20:52.246Z\",\"related_object\":{\"id\":\"mtr_1\"}}"));
        assertEquals("v1.billing.meter.error_report_triggered", event.type());
        assertEquals("evt_test_65R9", event.deliveryKey());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"id\":\"evt_1\"}|type is missing",
            "{\"type\":\"invoice.paid\"}|id is missing",
            "{\"type\":\"invoice.paid\",\"id\":7}|id is not a string",
            "{\"type\":\"invoice.paid\",\"id\":\"\"}|id is not 1 to 255 printable ASCII characters without spaces",
            "{\"type\":\"invoice.paid\",\"id\":\"evt 1\"}|id is not 1 to 255 printable ASCII characters without spaces",
            "{\"type\":\"x.y\",\"id\":\"evt_\u00e9\"}|id is not 1 to 255 printable ASCII characters without spaces",
            "{\"type\":\"invoice.paid\",\"id\":\"evt_1\"}|created is missing",
            "{\"type\":\"invoice.paid\",\"id\":\"evt_1\",\"created\":-1}|created is not a Unix time in seconds (up to 12 digits)",
            "{\"type\":\"invoice.paid\",\"id\":\"evt_1\",\"created\":1e3}|created is not a whole number",
            "{\"type\":\"invoice.paid\",\"id\":\"evt_1\",\"created\":1}|livemode is missing",
            "{\"type\":\"invoice.paid\",\"id\":\"evt_1\",\"created\":1,\"livemode\":\"false\"}|livemode is not true or false",
            "{\"type\":\"invoice.paid\",\"id\":\"evt_1\",\"created\":1,\"livemode\":false}|data is missing",
            "{\"type\":\"invoice.paid\",\"id\":\"evt_1\",\"created\":1,\"livemode\":false,\"data\":[]}|data is not an object",
            "{\"type\":\"invoice.paid\",\"id\":\"evt_1\",\"created\":1,\"livemode\":false,\"data\":{}}|data.object is missing",
            "{\"type\":\"invoice.paid\",\"id\":\"evt_1\",\"created\":1,\"livemode\":false,\"data\":{\"object\":{}}}|data.object.id is missing",
            "{\"type\":\"invoice.paid\",\"id\":\"evt_1\",\"created\":1,\"livemode\":false,\"data\":{\"object\":{\"id\":\"in_1\",\"amount_paid\":1.5,\"currency\":\"usd\"}}}|data.object.amount_paid is not a whole number",
            "{\"type\":\"invoice.paid\",\"id\":\"evt_1\",\"created\":1,\"livemode\":false,\"data\":{\"object\":{\"id\":\"in_1\",\"amount_paid\":1,\"currency\":\" \"}}}|data.object.currency is empty",
            "{\"type\":\"invoice.paid\",\"id\":\"evt_1\",\"created\":1,\"livemode\":false,\"data\":{\"object\":{\"id\":\"in_1\",\"amount_paid\":1,\"currency\":\"usd\",\"customer\":{\"id\":\"cus_1\"}}}}|data.object.customer is not a string",
            "{\"type\":\"invoice.paid\",\"id\":\"evt_1\",\"created\":1,\"livemode\":false,\"api_version\":1,\"data\":{\"object\":{\"id\":\"in_1\",\"amount_paid\":1,\"currency\":\"usd\"}}}|api_version is not a string"})
    void aBodyThatIsNotAStripeEventIsMalformedWithAReasonNamingTheField(String body, String reason) {
        assertEquals(reason, malformed(body));
    }

    @Test
    void anIdOfMoreThan255CharactersIsMalformed() {
        assertInstanceOf(GenericEvent.class, parsed("{\"type\":\"x.y\",\"id\":\"" + "e".repeat(255) + "\"}"));
        assertEquals("id is not 1 to 255 printable ASCII characters without spaces",
                malformed("{\"type\":\"x.y\",\"id\":\"" + "e".repeat(256) + "\"}"));
    }

    @Test
    void duplicateKeysAndTrailingContentAreNotJson() {
        assertEquals("body is not JSON", malformed("{\"type\":\"x.y\",\"id\":\"evt_1\",\"id\":\"evt_2\"}"));
        assertEquals("body is not JSON", malformed("{\"type\":\"x.y\",\"id\":\"evt_1\"} {}"));
    }

    @Test
    void parsingIsDeterministic() {
        Delivery delivery = delivery(VECTOR_BODY, Map.of());
        assertEquals(parser.parse(delivery), parser.parse(delivery));
    }

    @Test
    void theRecordsAreImmutableAndCheckTheirArguments() {
        CustomerCreated event = assertInstanceOf(CustomerCreated.class, parsed(VECTOR_BODY));
        assertThrows(UnsupportedOperationException.class, () -> event.object().put("x", 1));
        EventEnvelope envelope = event.envelope();
        Delivery delivery = event.delivery();
        assertThrows(IllegalArgumentException.class, () -> new EventEnvelope(" ", Instant.EPOCH, false, null));
        assertThrows(NullPointerException.class, () -> new EventEnvelope("evt_1", null, false, null));
        assertThrows(NullPointerException.class, () -> new CustomerCreated(envelope, null, null, null, Map.of(),
                delivery));
        assertThrows(NullPointerException.class, () -> new InvoicePaid(envelope, "in_1", null, 1, "usd", Map.of(),
                null));
        assertTrue(List.of(new PaymentIntentSucceeded(envelope, "pi_1", 1, 1, "usd", null, Map.of(), delivery))
                .get(0).object().isEmpty());
    }
}
