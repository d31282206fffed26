package dev.hookyard.spi;

/** The result of {@link Parser#parse(Delivery)}: an event, or the reason the body is not acceptable (400). */
public sealed interface ParseResult {

    static ParseResult parsed(WebhookEvent event) {
        return new Parsed(event);
    }

    static ParseResult malformed(String reason) {
        return new Malformed(reason);
    }

    /** The body is the vendor's envelope and became this event. */
    record Parsed(WebhookEvent event) implements ParseResult {
        public Parsed {
            Checks.notNull(event, "event");
        }
    }

    /**
     * The body is not acceptable; answered 400.
     *
     * @param reason short, fixed-form text that may be shown to the sender (never echoes the body)
     */
    record Malformed(String reason) implements ParseResult {
        public Malformed {
            Checks.notBlank(reason, "reason");
        }
    }
}
