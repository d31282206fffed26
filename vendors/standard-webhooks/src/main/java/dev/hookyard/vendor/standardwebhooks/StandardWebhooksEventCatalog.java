package dev.hookyard.vendor.standardwebhooks;

import dev.hookyard.spi.EventCatalog;
import dev.hookyard.spi.EventType;
import dev.hookyard.vendor.standardwebhooks.events.StandardWebhookEvent;

import java.util.List;

/**
 * Example event types. Standard Webhooks leaves types to each sender, so there is no list to give; these are the
 * specification's own examples, with its sample payloads ({@code example.event}, and {@code contact.created} in its
 * full form), and {@code invoice.paid}, which it names as a typical type. A sender's other types parse all the same.
 */
final class StandardWebhooksEventCatalog {

    static final EventCatalog CATALOG = new EventCatalog(List.of(
            new EventType("example.event", "The specification's first example payload (types are the sender's own;"
                    + " every type parses).", StandardWebhookEvent.class,
                    "{\"type\":\"example.event\",\"timestamp\":\"2022-11-03T20:26:10.344522Z\",\"data\":"
                            + "{\"foo\":\"bar\",\"fizzbuzz\":2}}"),
            new EventType("contact.created", "The specification's address-book example: a contact was created"
                    + " (full payload).", StandardWebhookEvent.class,
                    "{\"type\":\"contact.created\",\"timestamp\":\"2022-11-03T20:26:10.344522Z\",\"data\":"
                            + "{\"id\":\"1f81eb52-5198-4599-803e-771906343485\",\"type\":\"contact\",\"fullName\":"
                            + "\"John Smith\",\"address\":\"800 W NASA Pkwy, Webster, TX 77598, USA\",\"phoneNumber\":"
                            + "\"(281) 332-2575\",\"birthday\":\"1980-04-19\",\"occupation\":\"Engineer, ACME\"}}"),
            new EventType("invoice.paid", "An invoice was paid: a type the specification names as typical"
                    + " (illustrative payload).", StandardWebhookEvent.class,
                    "{\"type\":\"invoice.paid\",\"timestamp\":\"2024-05-01T09:30:00Z\",\"data\":"
                            + "{\"id\":\"inv_7f3c2a\",\"amount\":4200,\"currency\":\"EUR\"}}")));

    private StandardWebhooksEventCatalog() {
    }
}
