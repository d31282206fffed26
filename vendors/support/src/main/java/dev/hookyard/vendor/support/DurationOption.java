package dev.hookyard.vendor.support;

import dev.hookyard.spi.InvalidOptionException;
import dev.hookyard.spi.Options;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a duration option the way the configuration writes durations elsewhere ({@code 30s}, {@code 5m},
 * {@code 1h}); a bare whole number is seconds.
 */
public final class DurationOption {

    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(s|m|h)?");

    private DurationOption() {
    }

    /**
     * The duration under {@code key}, or {@code defaultValue} when absent.
     *
     * @throws InvalidOptionException naming {@code key} if it is not a duration or lies outside {@code min}..{@code max}
     */
    public static Duration read(Options options, String key, Duration defaultValue, Duration min, Duration max) {
        String text = options.string(key).orElse(null);
        if (text == null) {
            return defaultValue;
        }
        Matcher matcher = DURATION.matcher(text.strip());
        if (!matcher.matches()) {
            throw new InvalidOptionException(key, "must be a duration: a whole number with s, m or h (seconds,"
                    + " minutes, hours)", "write e.g. " + key + ": 5m");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        Duration duration = switch (unit) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
        if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
            throw new InvalidOptionException(key, "must be between " + describe(min) + " and " + describe(max),
                    "set " + key + " to a duration in that range");
        }
        return duration;
    }

    private static String describe(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
