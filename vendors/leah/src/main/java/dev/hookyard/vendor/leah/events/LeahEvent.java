package dev.hookyard.vendor.leah.events;

import dev.hookyard.spi.WebhookEvent;

import java.time.Instant;
import java.util.List;

/**
 * An event Leah sent, as a typed record: {@link UserRegistered}, {@link OnboardingFinished},
 * {@link PlacementTestFinished}, {@link SpeakingTestFinished} and {@link OverallLevel}. Sealed, so a handler's
 * {@code switch} over it is checked for exhaustiveness.
 *
 * <p>Every Leah event is about one user of one partnership, so the parts all of them carry are available here
 * without knowing the concrete type. Leah's payloads vary, so any of them may be absent: a missing object is
 * {@code null}, a missing list is empty.
 *
 * <p>Event names none of these cover arrive as {@link dev.hookyard.spi.GenericEvent} (or are rejected on an endpoint
 * with {@code strict: true}), not as a {@code LeahEvent}.
 *
 * <p>Leah sends no delivery id, so {@link #deliveryKey()} is the SHA-256 of the raw body: Leah's retries of the same
 * body are the same delivery.
 */
public sealed interface LeahEvent extends WebhookEvent
        permits UserRegistered, OnboardingFinished, PlacementTestFinished, SpeakingTestFinished, OverallLevel {

    /** The vendor id of every Leah event: {@code "leah"}. */
    String VENDOR = "leah";

    /** Always {@link #VENDOR}. */
    @Override
    default String vendor() {
        return VENDOR;
    }

    /** The wire {@code user}: who the event is about, or {@code null} when the payload has none. */
    LeahUser user();

    /** The wire {@code partner}: the partnership the user belongs to, or {@code null} when absent. */
    Partner partner();

    /** The wire {@code date}: when Leah raised the event, or {@code null} when absent. */
    Instant date();

    /** The wire {@code externalIds}: the partner's own ids for the user; empty when absent. Unmodifiable. */
    List<String> externalIds();
}
