package dev.hookyard.vendor.falkor.events;

import dev.hookyard.spi.WebhookEvent;

/**
 * A batch Falkor sent for one pathway, as a typed record: {@link Enrolments}, {@link Events} (classroom and event
 * bookings) or {@link Rewards}. Sealed, so a handler's {@code switch} over it is checked for exhaustiveness.
 *
 * <p>Every Falkor body is the envelope {@code {"type": ..., "data": {"pathway": {...}, <type>: [...]}}}; one
 * delivery may carry several items. Types Falkor sends that none of these cover arrive as
 * {@link dev.hookyard.spi.GenericEvent}, not as a {@code FalkorEvent}.
 *
 * <p>Falkor's payloads are read leniently: a field that is absent, {@code null} or of an unexpected kind is
 * {@code null} (lists: empty), because refusing a genuine, signed delivery over one odd field would only make
 * Falkor retry it. The raw body is always kept in {@link #delivery()}.
 *
 * <p>Falkor sends no delivery id, so {@link #deliveryKey()} is the SHA-256 of the raw body: a retry of the same
 * body is the same delivery.
 */
public sealed interface FalkorEvent extends WebhookEvent permits Enrolments, Events, Rewards {

    /** The vendor id of every Falkor event: {@code "falkor"}. */
    String VENDOR = "falkor";

    /** The pathway the batch belongs to ({@code data.pathway}), or {@code null} when the payload has none. */
    Pathway pathway();

    /** Always {@link #VENDOR}. */
    @Override
    default String vendor() {
        return VENDOR;
    }
}
