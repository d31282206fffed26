package dev.hookyard.server.inspect;

import dev.hookyard.server.store.DeliveryFilter;
import dev.hookyard.server.store.DeliveryStatus;
import dev.hookyard.server.store.RunStatus;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds a {@link DeliveryFilter} from the text an operator typed, the same way for CLI options and management API
 * parameters; a bad value is a {@link BadArgumentException} naming the parameter.
 */
public final class FilterArguments {

    private DeliveryFilter filter = DeliveryFilter.ANY;
    private final Instant now;
    private String handler;
    private Set<RunStatus> runStatuses = Set.of();
    private String runStatusParameter;

    public FilterArguments(Instant now) {
        this.now = now;
    }

    public FilterArguments endpoint(String parameter, String glob) {
        filter = filter.withEndpoint(name(parameter, glob));
        return this;
    }

    public FilterArguments vendor(String parameter, String glob) {
        filter = filter.withVendor(name(parameter, glob));
        return this;
    }

    public FilterArguments type(String parameter, String glob) {
        filter = filter.withType(name(parameter, glob));
        return this;
    }

    /** One status or several, comma-separated: pending, done, failed, unrouted. */
    public FilterArguments status(String parameter, String text) {
        if (text == null) {
            return this;
        }
        Set<DeliveryStatus> statuses = codes(parameter, text, "a status", DeliveryStatus.class,
                DeliveryStatus::fromCode, DeliveryStatus::code);
        filter = filter.withStatuses(statuses);
        return this;
    }

    /** Only deliveries with a run of this handler (an exact name). */
    public FilterArguments handler(String parameter, String name) {
        handler = name(parameter, name);
        return this;
    }

    /** With {@link #handler}: that handler's run status, one or several comma-separated. */
    public FilterArguments handlerStatus(String parameter, String text) {
        if (text == null) {
            return this;
        }
        Set<RunStatus> any = codes(parameter, text, "a handler run status", RunStatus.class, RunStatus::fromCode,
                RunStatus::code);
        runStatuses = any;
        runStatusParameter = parameter;
        return this;
    }

    /** Only the delivery with this exact key. */
    public FilterArguments deliveryKey(String parameter, String key) {
        if (key != null) {
            if (key.isBlank() || key.length() > 512) {
                throw new BadArgumentException(parameter, "must be a delivery key of 1 to 512 characters");
            }
            filter = filter.withDeliveryKey(key.trim());
        }
        return this;
    }

    /** {@code newest} lists the highest ids first, {@code oldest} (the default) the lowest. */
    public FilterArguments order(String parameter, String text) {
        if (text != null) {
            switch (text) {
                case "newest" -> filter = filter.withNewestFirst(true);
                case "oldest" -> filter = filter.withNewestFirst(false);
                default -> throw new BadArgumentException(parameter, "must be newest or oldest");
            }
        }
        return this;
    }

    /** Comma-separated codes of {@code type}; one that is none of them is a {@link BadArgumentException}. */
    private static <E extends Enum<E>> Set<E> codes(String parameter, String text, String what, Class<E> type,
                                                    Function<String, E> fromCode, Function<E, String> code) {
        Set<E> values = EnumSet.noneOf(type);
        for (String part : text.split(",")) {
            try {
                values.add(fromCode.apply(part.trim().toLowerCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new BadArgumentException(parameter, "'" + shorten(part.trim()) + "' is not " + what + "; use "
                        + Arrays.stream(type.getEnumConstants()).map(code).collect(Collectors.joining(", ")));
            }
        }
        return values;
    }

    public FilterArguments since(String parameter, String text) {
        if (text != null) {
            filter = filter.withSince(instant(parameter, text));
        }
        return this;
    }

    public FilterArguments until(String parameter, String text) {
        if (text != null) {
            filter = filter.withUntil(instant(parameter, text));
        }
        return this;
    }

    public FilterArguments limit(String parameter, String text) {
        if (text != null) {
            filter = filter.withLimit((int) number(parameter, text, 1, DeliveryFilter.MAX_LIMIT));
        }
        return this;
    }

    public FilterArguments after(String parameter, String text) {
        if (text != null) {
            filter = filter.withAfter(number(parameter, text, 0, Long.MAX_VALUE));
        }
        return this;
    }

    public DeliveryFilter filter() {
        if (!runStatuses.isEmpty() && handler == null) {
            throw new BadArgumentException(runStatusParameter, "needs a handler to say whose runs");
        }
        if (handler != null) {
            filter = filter.withHandler(handler, runStatuses);
        }
        if (filter.since() != null && filter.until() != null && !filter.since().isBefore(filter.until())) {
            throw new BadArgumentException("until", "must be later than since");
        }
        return filter;
    }

    /** A delivery id. */
    public static long id(String parameter, String text) {
        return number(parameter, text, 1, Long.MAX_VALUE);
    }

    /**
     * A whole number written the one way it is printed: ASCII digits, no sign, no leading zero, no padding. Java's
     * own parsing also takes {@code +1}, {@code 01} and the digits of other scripts, so that several spellings
     * would name one delivery.
     */
    private static long number(String parameter, String text, long min, long max) {
        if (!isPlainDigits(text)) {
            throw new BadArgumentException(parameter, "'" + shorten(text)
                    + "' is not a whole number written in ASCII digits without a sign or a leading zero");
        }
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException tooLarge) {
            // more than a long holds: out of range, as below
        }
        throw new BadArgumentException(parameter, "must be between " + min + " and " + max);
    }

    /** Whether {@code text} is 0, or ASCII digits not starting with 0. */
    private static boolean isPlainDigits(String text) {
        if (text.isEmpty() || text.charAt(0) == '0' && text.length() > 1) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private Instant instant(String parameter, String text) {
        try {
            return TimeArguments.instantOrAge(text, now);
        } catch (IllegalArgumentException e) {
            throw new BadArgumentException(parameter, e.getMessage());
        }
    }

    private static String name(String parameter, String glob) {
        if (glob == null) {
            return null;
        }
        if (glob.isBlank() || glob.length() > 200) {
            throw new BadArgumentException(parameter, "must be a name or glob of 1 to 200 characters");
        }
        return glob.trim();
    }

    static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
