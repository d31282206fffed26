package dev.hookyard.vendor.standardwebhooks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which names the three headers of an endpoint carry: {@code webhook-id}, {@code webhook-timestamp} and
 * {@code webhook-signature} as the specification names them, or {@code svix-id}, {@code svix-timestamp} and
 * {@code svix-signature} as Svix sent them before the specification existed (and some of its customers still
 * receive). An endpoint reads one set only: the other set's headers are ignored, like any header it does not know.
 */
enum HeaderPrefix {
    WEBHOOK,
    SVIX;

    /** The value of the {@code headerPrefix} option that selects these names. */
    String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static List<String> optionValues() {
        return Arrays.stream(values()).map(HeaderPrefix::optionValue).toList();
    }

    /** The prefix an (already validated) option value names. */
    static HeaderPrefix fromOption(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** The message id header, e.g. {@code webhook-id}. */
    String idHeader() {
        return optionValue() + "-id";
    }

    /** The attempt's timestamp header, e.g. {@code webhook-timestamp}. */
    String timestampHeader() {
        return optionValue() + "-timestamp";
    }

    /** The signature list header, e.g. {@code webhook-signature}. */
    String signatureHeader() {
        return optionValue() + "-signature";
    }
}
