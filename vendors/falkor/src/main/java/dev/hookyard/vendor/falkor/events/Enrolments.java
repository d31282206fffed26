package dev.hookyard.vendor.falkor.events;

import dev.hookyard.spi.Delivery;
import dev.hookyard.vendor.support.RecordArguments;

import java.util.List;

/**
 * Falkor {@code enrolments}: enrolments on a pathway changed (a learner enrolled, or completed the pathway or an
 * activity).
 *
 * @param pathway     the wire {@code data.pathway}, or {@code null} when absent
 * @param enrolments  the wire {@code data.enrolments}, in order; empty when absent. Unmodifiable
 * @param deliveryKey SHA-256 of the raw body
 * @param delivery    the delivery it was parsed from
 */
public record Enrolments(Pathway pathway, List<Enrolment> enrolments, String deliveryKey, Delivery delivery)
        implements FalkorEvent {

    /** The wire name. */
    public static final String TYPE = "enrolments";

    public Enrolments {
        enrolments = RecordArguments.frozenList(enrolments, "enrolments");
        RecordArguments.requireEnvelope(deliveryKey, delivery);
    }

    /** Always {@link #TYPE}. */
    @Override
    public String type() {
        return TYPE;
    }
}
