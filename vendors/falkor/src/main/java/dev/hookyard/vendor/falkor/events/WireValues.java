package dev.hookyard.vendor.falkor.events;

import java.util.Locale;
import java.util.function.Function;

/** Maps a raw wire string to one of an enumeration's documented values; package-private so it never becomes API. */
final class WireValues {

    private WireValues() {
    }

    /**
     * The constant whose wire name equals {@code raw}, ignoring case and surrounding whitespace (a sender that
     * writes {@code "complete"} means the documented {@code "Complete"}), or {@code unknown} for anything else,
     * {@code null} included.
     */
    static <E extends Enum<E>> E find(E[] constants, Function<E, String> wireName, String raw, E unknown) {
        if (raw == null) {
            return unknown;
        }
        String wanted = raw.strip().toLowerCase(Locale.ROOT);
        for (E constant : constants) {
            String name = wireName.apply(constant);
            if (name != null && name.toLowerCase(Locale.ROOT).equals(wanted)) {
                return constant;
            }
        }
        return unknown;
    }
}
