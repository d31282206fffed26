package dev.hookyard.vendor.leah;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.GenericEvent;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Parser;
import dev.hookyard.vendor.leah.events.LeahEvent;
import dev.hookyard.vendor.leah.events.OnboardingFinished;
import dev.hookyard.vendor.leah.events.OverallLevel;
import dev.hookyard.vendor.leah.events.PlacementTestFinished;
import dev.hookyard.vendor.leah.events.SpeakingTestFinished;
import dev.hookyard.vendor.leah.events.UserRegistered;
import dev.hookyard.vendor.support.EnvelopeFields;
import dev.hookyard.vendor.support.MalformedBodyException;
import dev.hookyard.vendor.support.StrictJson;

import static dev.hookyard.vendor.leah.LeahPayloadReader.overall;
import static dev.hookyard.vendor.leah.LeahPayloadReader.partner;
import static dev.hookyard.vendor.leah.LeahPayloadReader.perception;
import static dev.hookyard.vendor.leah.LeahPayloadReader.placementTest;
import static dev.hookyard.vendor.leah.LeahPayloadReader.speakingTest;
import static dev.hookyard.vendor.leah.LeahPayloadReader.user;

/**
 * Parses Leah bodies: a JSON object whose top-level {@code event} string names the event. Known names become the
 * records of {@code dev.hookyard.vendor.leah.events}; other names become a {@link GenericEvent} keeping the raw JSON
 * (Leah adds events over time, and a 400 would only make it retry twice and give up), or, in strict mode, are
 * malformed. Malformed reasons are short fixed texts that never echo the body.
 *
 * <p>Deterministic and thread-safe; never throws. The delivery key is the body's SHA-256, since Leah sends no
 * delivery id.
 */
final class LeahParser implements Parser {

    private final boolean strict;

    /** @param strict whether an unknown event name is malformed rather than a generic event */
    LeahParser(boolean strict) {
        this.strict = strict;
    }

    @Override
    public ParseResult parse(Delivery delivery) {
        try {
            ObjectNode root = StrictJson.EXACT_DECIMALS.readObject(delivery.body());
            return read(EnvelopeFields.nonBlankText(root, "event"), JsonObjectView.root(root), delivery);
        } catch (MalformedBodyException e) {
            return ParseResult.malformed(e.getMessage());
        }
    }

    private ParseResult read(String type, JsonObjectView root, Delivery delivery) throws MalformedBodyException {
        String key = delivery.bodySha256();
        LeahEvent event;
        switch (type) {
            case UserRegistered.TYPE -> event = new UserRegistered(user(root, "user"), partner(root, "partner"),
                    root.instant("date"), root.texts("externalIds"), key, delivery);
            case OnboardingFinished.TYPE -> event = new OnboardingFinished(perception(root, "perception"),
                    user(root, "user"), partner(root, "partner"), root.instant("date"), root.texts("externalIds"),
                    key, delivery);
            case PlacementTestFinished.TYPE -> event = new PlacementTestFinished(placementTest(root, "test"),
                    user(root, "user"), partner(root, "partner"), root.instant("date"), root.texts("externalIds"),
                    key, delivery);
            case SpeakingTestFinished.TYPE -> event = new SpeakingTestFinished(speakingTest(root, "test"),
                    user(root, "user"), partner(root, "partner"), root.instant("date"), root.texts("externalIds"),
                    key, delivery);
            case OverallLevel.TYPE -> event = new OverallLevel(overall(root, "overall"),
                    speakingTest(root, "speakingTest"), placementTest(root, "placementTest"), user(root, "user"),
                    partner(root, "partner"), root.instant("date"), root.texts("externalIds"), key, delivery);
            default -> {
                if (strict) {
                    return ParseResult.malformed("unknown event type");
                }
                return ParseResult.parsed(new GenericEvent(LeahEvent.VENDOR, type, key, delivery));
            }
        }
        return ParseResult.parsed(event);
    }
}
