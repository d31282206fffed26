package dev.hookyard.server.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.hookyard.server.testing.LeastFixtures;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.WebhookEvent;
import org.junit.jupiter.api.Test;

class LogHandlerFactoryTest {

    @Test
    void theLogLineNamesTheEventButNeverContainsTheBody() {
        Delivery delivery = LeastFixtures.signed("least")
                .body("{\"event\":\"record.created\",\"record_id\":1,\"data\":{\"email\":\"PERSONAL-DATA\"}}");
        WebhookEvent event = ((ParseResult.Parsed) LeastFixtures.vendor().parser().parse(delivery)).event();

        String line = LogHandlerFactory.line(event);

        assertEquals("event endpoint=least vendor=least type=record.created key=" + delivery.bodySha256()
                + " bytes=" + delivery.bodyLength() + " receivedAt=" + delivery.receivedAt(), line);
        assertFalse(line.contains("PERSONAL-DATA"));
    }
}
