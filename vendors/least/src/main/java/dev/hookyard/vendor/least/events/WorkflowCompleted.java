package dev.hookyard.vendor.least.events;

import dev.hookyard.spi.Delivery;
import dev.hookyard.vendor.support.RecordArguments;

/**
 * Workflow Webhook {@code workflow.completed}: a workflow instance ran to its end.
 *
 * @param instanceId  the wire {@code intInstanceId}, or {@code null} when the payload has none
 * @param deliveryKey SHA-256 of the raw body
 * @param delivery    the delivery it was parsed from
 */
public record WorkflowCompleted(Long instanceId, String deliveryKey, Delivery delivery) implements LeastEvent {

    /** The wire name. */
    public static final String TYPE = "workflow.completed";

    public WorkflowCompleted {
        RecordArguments.requireEnvelope(deliveryKey, delivery);
    }

    /** Always {@link #TYPE}. */
    @Override
    public String type() {
        return TYPE;
    }
}
