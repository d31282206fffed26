package dev.hookyard.plugin.jsonlarchive;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How the raw body goes into a line: option {@code body}. */
enum BodyFormat {

    /**
     * As embedded JSON in {@code body} when it is one well-formed JSON value (readable with {@code jq}, same
     * values, compact whitespace); otherwise as {@code bodyBase64}. The default.
     */
    JSON,

    /** Always the exact bytes as {@code bodyBase64}, so that a signature can be checked again later. */
    BASE64;

    /** The option's spelling of this format. */
    String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static List<String> optionValues() {
        return Arrays.stream(values()).map(BodyFormat::optionValue).toList();
    }

    static BodyFormat fromOption(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
