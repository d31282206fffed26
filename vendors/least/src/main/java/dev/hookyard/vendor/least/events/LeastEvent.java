package dev.hookyard.vendor.least.events;

import dev.hookyard.spi.WebhookEvent;

/**
 * An event LEAST sent, as a typed record: Collection API events ({@link RecordCreated}, {@link RecordAction},
 * {@link RecordArchived}), Workflow Webhook events ({@link LessonCompleted}, {@link BadgeEarned},
 * {@link WorkflowCompleted}) and LMS Rule Engine triggers ({@link LmsRuleEvent}). Sealed, so a handler's
 * {@code switch} over it is checked for exhaustiveness.
 *
 * <p>Event names LEAST sends that none of these cover arrive as {@link dev.hookyard.spi.GenericEvent}, not as a
 * {@code LeastEvent}.
 *
 * <p>LEAST sends no delivery id, so {@link #deliveryKey()} is the SHA-256 of the raw body: a retry of the same body
 * is the same delivery.
 */
public sealed interface LeastEvent extends WebhookEvent
        permits RecordCreated, RecordAction, RecordArchived, LessonCompleted, BadgeEarned, WorkflowCompleted,
        LmsRuleEvent {

    /** The vendor id of every LEAST event: {@code "least"}. */
    String VENDOR = "least";

    /** Always {@link #VENDOR}. */
    @Override
    default String vendor() {
        return VENDOR;
    }
}
