package dev.hookyard.vendor.github;

import dev.hookyard.spi.Headers;
import dev.hookyard.vendor.support.MalformedBodyException;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the two headers that say what a GitHub delivery is: {@code X-GitHub-Event} (the event name) and
 * {@code X-GitHub-Delivery} (the delivery's GUID). GitHub does not sign them, so they are read as strictly as they
 * are written: one value each, in the shape GitHub gives them, bounded, never echoed in a reason.
 */
final class DeliveryHeaders {

    static final String EVENT = "X-GitHub-Event";
    static final String DELIVERY = "X-GitHub-Delivery";

    /** GitHub's event names and actions: lower-case words joined by underscores ({@code pull_request_review}). */
    static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,64}");
    /** A GUID as GitHub writes it; bounded, and only characters that are safe in logs and store keys. */
    private static final Pattern DELIVERY_ID = Pattern.compile("[0-9A-Za-z-]{1,64}");

    private DeliveryHeaders() {
    }

    /** The event name, e.g. {@code pull_request}. */
    static String eventName(Headers headers) throws MalformedBodyException {
        return single(headers, EVENT, NAME, "a GitHub event name (lower-case letters, digits and _)");
    }

    /** The delivery id, e.g. {@code 72d3162e-cc78-11e3-81ab-4c9367dc0958}. */
    static String deliveryId(Headers headers) throws MalformedBodyException {
        return single(headers, DELIVERY, DELIVERY_ID, "a delivery GUID (up to 64 letters, digits and -)");
    }

    private static String single(Headers headers, String name, Pattern shape, String what)
            throws MalformedBodyException {
        List<String> values = headers.all(name);
        if (values.isEmpty()) {
            throw new MalformedBodyException(name + " is missing");
        }
        if (values.size() > 1) {
            throw new MalformedBodyException(name + " is sent more than once");
        }
        String value = values.get(0);
        if (!shape.matcher(value).matches()) {
            throw new MalformedBodyException(name + " is not " + what);
        }
        return value;
    }
}
