package dev.hookyard.vendor.hmac;

import dev.hookyard.vendor.support.HmacAlgorithm;
import dev.hookyard.vendor.support.MacFormat;

import java.util.List;

/**
 * One endpoint's options, read and checked by {@link HmacOptions}.
 *
 * @param header       the signature header
 * @param algorithm    the HMAC's hash function
 * @param format       how the MAC is written in the header (prefix, hex or base64)
 * @param timestamping how a signed timestamp is sent and checked, or {@code null} when the platform signs the body
 *                     alone
 * @param type         where the event type is read
 * @param key          where the delivery key is read, or {@code null} for the SHA-256 of the body
 * @param eventTypes   the event types the platform sends, as configured; empty when not listed
 */
record HmacSettings(String header, HmacAlgorithm algorithm, MacFormat format, Timestamping timestamping,
                    FieldSource type, FieldSource key, List<String> eventTypes) {

    HmacSettings {
        eventTypes = List.copyOf(eventTypes);
    }
}
