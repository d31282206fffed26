package dev.hookyard.spi;

/**
 * One event type a vendor sends.
 *
 * @param name        the wire name (the value of the vendor's event field), e.g. {@code "record.created"}
 * @param description one line for people: what happened when this event is sent
 * @param eventClass  the record the parser produces for it
 * @param sampleBody  a realistic body of this type (the vendor's own sample where it publishes one), UTF-8 JSON
 */
public record EventType(String name, String description, Class<? extends WebhookEvent> eventClass,
                        String sampleBody) {
    public EventType {
        Checks.notBlank(name, "name");
        Checks.notBlank(description, "description");
        Checks.notNull(eventClass, "eventClass");
        Checks.notBlank(sampleBody, "sampleBody");
    }
}
