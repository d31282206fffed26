package dev.hookyard.vendor.standardwebhooks;

import dev.hookyard.spi.Headers;
import dev.hookyard.spi.RejectionReason;
import dev.hookyard.vendor.support.OneHeader;

/**
 * Reads the message id ({@code webhook-id}): signed as the first part of {@code id.timestamp.body}, and the delivery
 * key, so that a sender's retry of a message (same id, new timestamp and signature) or a replay of a captured one is
 * a duplicate.
 *
 * <p>Accepted: 1 to {@value #MAX_LENGTH} printable ASCII characters, no space and no {@code .}. The specification
 * asks senders never to put a {@code .} in the id, since the id, the timestamp and the body are joined with dots:
 * with a dot allowed, {@code a.1} at time {@code 2} and {@code a} at time {@code 1} with a body starting {@code 2.}
 * would sign the same text. The length bound keeps keys of hostile senders bounded; real ids are some 30 characters
 * ({@code msg_2KWPBgLlAfxdpx2AI54pPJ85f4W}).
 */
final class MessageId {

    static final int MAX_LENGTH = 256;

    private MessageId() {
    }

    /** The id header's value if it is a valid id, else the reason ({@code missing}, {@code ambiguous}, {@code malformed}). */
    static OneHeader read(Headers headers, HeaderPrefix prefix) {
        String name = prefix.idHeader();
        OneHeader header = OneHeader.read(headers, name);
        if (header instanceof OneHeader.Present present && !isValid(present.value())) {
            return new OneHeader.Refused(RejectionReason.MALFORMED, name + " is not 1 to " + MAX_LENGTH
                    + " printable ASCII characters without spaces or '.'");
        }
        return header;
    }

    private static boolean isValid(String id) {
        if (id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c <= ' ' || c > '~' || c == '.') {
                return false;
            }
        }
        return true;
    }
}
