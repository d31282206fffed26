package dev.hookyard.vendor.least.events;

import dev.hookyard.spi.Delivery;
import dev.hookyard.vendor.support.RecordArguments;

/**
 * Workflow Webhook {@code lesson.completed}: a learner completed a lesson.
 *
 * @param lessonId    the wire {@code intLessonId}, or {@code null} when the payload has none
 * @param deliveryKey SHA-256 of the raw body
 * @param delivery    the delivery it was parsed from
 */
public record LessonCompleted(Long lessonId, String deliveryKey, Delivery delivery) implements LeastEvent {

    /** The wire name. */
    public static final String TYPE = "lesson.completed";

    public LessonCompleted {
        RecordArguments.requireEnvelope(deliveryKey, delivery);
    }

    /** Always {@link #TYPE}. */
    @Override
    public String type() {
        return TYPE;
    }
}
