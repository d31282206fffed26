package dev.hookyard.vendor.least.events;

import dev.hookyard.spi.Delivery;
import dev.hookyard.vendor.support.RecordArguments;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An LMS Rule Engine trigger, one of {@link #TYPES} ({@code user.created}, {@code course.completed}, ...).
 *
 * <p>One record serves all of them, rather than one record per trigger, because LEAST documents only the trigger
 * names, not their payload fields: a record per trigger would have no typed components to offer and would freeze
 * guesses into API. The whole payload is kept as plain values instead, so handlers can read whatever a trigger
 * carries; typed records can be split out later, without breaking the wire names, once the fields are known.
 *
 * @param type        the trigger's wire name, one of {@link #TYPES}
 * @param payload     the whole top-level JSON object ({@code event} included) as plain Java values (String, Long or
 *                    BigInteger, BigDecimal, Boolean, {@code null}, and unmodifiable List and Map for nested JSON).
 *                    Unmodifiable; the record keeps a shallow copy
 * @param deliveryKey SHA-256 of the raw body
 * @param delivery    the delivery it was parsed from
 */
public record LmsRuleEvent(String type, Map<String, Object> payload, String deliveryKey, Delivery delivery)
        implements LeastEvent {

    /** The LMS Rule Engine trigger names LEAST's wiki lists ({@code quiz.*} are announced as pending). */
    public static final List<String> TYPES = List.of(
            "user.created", "certificate.awarded", "deadline.approaching", "course.enrolled", "course.completed",
            "path.completed", "cohort.joined", "quiz.passed", "quiz.failed");

    public LmsRuleEvent {
        Objects.requireNonNull(type, "type");
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("not an LMS rule trigger: " + type);
        }
        payload = RecordArguments.frozenMap(payload, "payload");
        RecordArguments.requireEnvelope(deliveryKey, delivery);
    }
}
