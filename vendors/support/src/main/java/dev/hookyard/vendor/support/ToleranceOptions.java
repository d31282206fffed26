package dev.hookyard.vendor.support;

import dev.hookyard.spi.InvalidOptionException;
import dev.hookyard.spi.OptionSpec;
import dev.hookyard.spi.Options;

import java.time.Duration;
import java.util.List;

/**
 * The endpoint options of a vendor whose platform signs a timestamp, declared and read the same way by every such
 * vendor: {@value #TOLERANCE} sets the tolerance in both directions, and {@value #PAST} and {@value #FUTURE} each
 * override one direction. Each is a whole number of seconds from 1 to {@value #MAX_SECONDS} (a day): a tolerance
 * cannot be switched off, since the timestamp is what stops a captured delivery from being replayed later.
 */
public final class ToleranceOptions {

    /** Both directions at once. */
    public static final String TOLERANCE = "toleranceSeconds";
    /** How old a signed timestamp may be; overrides {@value #TOLERANCE} for the past. */
    public static final String PAST = "pastToleranceSeconds";
    /** How far ahead a signed timestamp may be; overrides {@value #TOLERANCE} for the future. */
    public static final String FUTURE = "futureToleranceSeconds";

    /** The largest tolerance accepted: one day. */
    public static final long MAX_SECONDS = 86_400;

    private ToleranceOptions() {
    }

    /**
     * The three options, described for this vendor.
     *
     * @param timestampHeader the header (or field) that carries the signed timestamp, named in the descriptions
     * @param defaultSeconds  the tolerance in both directions when none of the options is given
     */
    public static List<OptionSpec> specs(String timestampHeader, long defaultSeconds) {
        return List.of(
                OptionSpec.optional(TOLERANCE, "how many seconds the signed timestamp (" + timestampHeader
                        + ") may be from this host's clock, in either direction, 1 to " + MAX_SECONDS + "; default "
                        + defaultSeconds),
                OptionSpec.optional(PAST, "how many seconds old the signed timestamp may be (older: rejected as"
                        + " stale_timestamp), 1 to " + MAX_SECONDS + "; default " + TOLERANCE),
                OptionSpec.optional(FUTURE, "how many seconds ahead of this host's clock the signed timestamp may"
                        + " be (further: rejected as future_timestamp), 1 to " + MAX_SECONDS + "; default "
                        + TOLERANCE));
    }

    /**
     * The tolerance the options give.
     *
     * @throws InvalidOptionException naming the key, for a value that is not a whole number from 1 to
     *                                {@value #MAX_SECONDS}, or for {@value #TOLERANCE} given with both overrides
     *                                (it would have no effect, which is a mistake, not a setting)
     */
    public static TimestampTolerance read(Options options, long defaultSeconds) {
        if (options.has(TOLERANCE) && options.has(PAST) && options.has(FUTURE)) {
            throw new InvalidOptionException(TOLERANCE, "has no effect when " + PAST + " and " + FUTURE
                    + " are both set", "remove " + TOLERANCE + ", or one of " + PAST + " and " + FUTURE);
        }
        long both = seconds(options, TOLERANCE, defaultSeconds);
        return new TimestampTolerance(Duration.ofSeconds(seconds(options, PAST, both)),
                Duration.ofSeconds(seconds(options, FUTURE, both)));
    }

    private static long seconds(Options options, String key, long defaultSeconds) {
        return options.longValue(key, defaultSeconds, 1, MAX_SECONDS);
    }
}
