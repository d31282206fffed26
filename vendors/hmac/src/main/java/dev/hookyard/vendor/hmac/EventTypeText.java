package dev.hookyard.vendor.hmac;

/**
 * What an event type may be, whether it comes from the body, from a header nobody signs, or from the
 * {@code eventTypes} option: 1 to {@value #MAX_LENGTH} printable ASCII characters, not beginning or ending with a
 * space. Types reach logs, the store and route globs, so nothing else is let through.
 */
final class EventTypeText {

    static final int MAX_LENGTH = 128;

    /** For reasons and option problems. */
    static final String DESCRIPTION = "1 to " + MAX_LENGTH + " printable ASCII characters";

    private EventTypeText() {
    }

    static boolean isValid(String type) {
        if (type.isEmpty() || type.length() > MAX_LENGTH || type.charAt(0) == ' '
                || type.charAt(type.length() - 1) == ' ') {
            return false;
        }
        for (int i = 0; i < type.length(); i++) {
            char c = type.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
