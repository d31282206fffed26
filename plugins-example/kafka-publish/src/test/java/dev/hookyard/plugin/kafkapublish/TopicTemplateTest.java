package dev.hookyard.plugin.kafkapublish;

import dev.hookyard.spi.InvalidOptionException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The topic template: what it accepts, what it refuses at option-check time, and what it expands to. */
class TopicTemplateTest {

    @Test
    void placeholdersAreReplacedByTheEventsValues() {
        assertEquals(new ExpandedTopic.Valid("hookyard.crm.record.created"),
                TopicTemplate.parse("topic", "hookyard.{endpoint}.{type}")
                        .expand(TestEvents.event("crm", "record.created", "k")));
        assertEquals(new ExpandedTopic.Valid("least-record.created_crm"),
                TopicTemplate.parse("topic", "{vendor}-{type}_{endpoint}")
                        .expand(TestEvents.event("crm", "record.created", "k")));
        assertEquals(new ExpandedTopic.Valid("Webhooks-All"),
                TopicTemplate.parse("topic", "Webhooks-All").expand(TestEvents.event("crm", "record.created", "k")));
    }

    @Test
    void eachCharacterKafkaRefusesInAValueBecomesAnUnderscore() {
        TopicTemplate template = TopicTemplate.parse("topic", "hookyard.{type}");
        assertEquals(new ExpandedTopic.Valid("hookyard.order_paid_now__"),
                template.expand(TestEvents.event("crm", "order/paid now:é", "k")));
        assertEquals(new ExpandedTopic.Valid("hookyard.__"),
                template.expand(TestEvents.event("crm", "{}", "k")));
    }

    @Test
    void anExpansionThatCanBeNoTopicNameIsUnusable() {
        assertEquals(new ExpandedTopic.Unusable("the topic name this event expands to is '..', which Kafka refuses"),
                TopicTemplate.parse("topic", "{type}").expand(TestEvents.event("crm", "..", "k")));
        assertEquals(new ExpandedTopic.Valid(".x"),
                TopicTemplate.parse("topic", "{type}").expand(TestEvents.event("crm", ".x", "k")));
        assertEquals(new ExpandedTopic.Valid("t".repeat(249)),
                TopicTemplate.parse("topic", "{type}").expand(TestEvents.event("crm", "t".repeat(249), "k")));
        assertEquals(new ExpandedTopic.Unusable("the topic name this event expands to is 250 characters long, more"
                        + " than Kafka's 249"),
                TopicTemplate.parse("topic", "{type}").expand(TestEvents.event("crm", "t".repeat(250), "k")));
    }

    @Test
    void anUnknownPlaceholderIsRefusedNamingTheOnesThereAre() {
        InvalidOptionException e = refused("hookyard.{payload.id}");
        assertEquals("uses the unknown placeholder {payload.id}", e.problem());
        assertEquals("use only {endpoint}, {vendor}, {type}", e.fix());
        assertEquals("uses the unknown placeholder {Type}", refused("{Type}").problem());
        assertEquals("uses the unknown placeholder {}", refused("hookyard.{}").problem());
        assertEquals("uses the unknown placeholder {{type}", refused("{{type}}").problem());
    }

    @Test
    void unmatchedBracesAreRefused() {
        assertEquals("has a { that is not closed", refused("hookyard.{type").problem());
        assertEquals("has a } that closes no placeholder", refused("hookyard.type}").problem());
        assertEquals("has a } that closes no placeholder", refused("{type}}").problem());
    }

    @Test
    void charactersKafkaRefusesInTopicNamesAreRefusedInTheTemplate() {
        assertEquals("contains ':', which Kafka refuses in topic names", refused("hookyard:{type}").problem());
        assertEquals("contains '/', which Kafka refuses in topic names", refused("a/b").problem());
        assertEquals("contains the character U+0020, which Kafka refuses in topic names",
                refused("hookyard {type}").problem());
        assertEquals("contains the character U+00E9, which Kafka refuses in topic names", refused("événements")
                .problem());
        assertEquals("contains the character U+000A, which Kafka refuses in topic names", refused("a\nb").problem());
    }

    @Test
    void aTemplateNoEventCouldTurnIntoATopicNameIsRefused() {
        assertEquals("is empty", refused("").problem());
        assertEquals("is '.', which Kafka refuses", refused(".").problem());
        assertEquals("is '..', which Kafka refuses", refused("..").problem());
        assertEquals("is 250 characters long, more than Kafka's 249", refused("t".repeat(250)).problem());
        assertTrue(refused("t".repeat(249) + "{type}").problem().startsWith("has 249 characters besides its"
                + " placeholders"));
        TopicTemplate.parse("topic", "t".repeat(248) + "{type}");
        TopicTemplate.parse("topic", "t".repeat(249));
    }

    @Test
    void kafkasInternalTopicPrefixIsRefused() {
        assertEquals("starts with __, which Kafka reserves for its internal topics",
                refused("__consumer_offsets").problem());
        assertEquals("starts with __, which Kafka reserves for its internal topics", refused("__{type}").problem());
        TopicTemplate.parse("topic", "_{type}");
    }

    private static InvalidOptionException refused(String template) {
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> TopicTemplate.parse("topic", template));
        assertEquals("topic", e.key());
        return e;
    }
}
