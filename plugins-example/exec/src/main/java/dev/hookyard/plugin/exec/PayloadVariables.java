package dev.hookyard.plugin.exec;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.hookyard.spi.InvalidOptionException;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code env} option: variable names mapped to JSON Pointers (RFC 6901) into the body, and their values for one
 * body. A string gives its text, {@code null} an empty string, a number or boolean its JSON text, an object or array
 * its compact JSON; a pointer that finds nothing (or a body that is not JSON) leaves the variable unset, so a script
 * can tell "absent" ({@code ${RECORD_ID+set}}) from "empty".
 *
 * <p>Values only ever become environment variables, never arguments or shell text.
 */
final class PayloadVariables {

    /** Longest value passed on: Linux refuses a single environment string over 128 KiB. */
    static final int MAX_VALUE_CHARS = 32 * 1024;

    /** Duplicate keys are an error: which of two {@code record_id}s would the pointer mean? */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final Map<String, JsonPointer> pointers;

    private PayloadVariables(Map<String, JsonPointer> pointers) {
        this.pointers = pointers;
    }

    /**
     * Reads the option: names are checked with {@link VariableNames}, pointers compiled.
     *
     * @param optionKey    the option's key, for error messages
     * @param namesToPointers the option's value
     */
    static PayloadVariables of(String optionKey, Map<String, String> namesToPointers) {
        Map<String, JsonPointer> pointers = new LinkedHashMap<>();
        namesToPointers.forEach((name, pointer) -> {
            VariableNames.check(optionKey, name);
            try {
                pointers.put(name, JsonPointer.compile(pointer));
            } catch (IllegalArgumentException e) {
                throw new InvalidOptionException(optionKey + "." + name,
                        "is not a JSON Pointer: it must be empty or start with /",
                        "write " + name + ": /field or /nested/field or /list/0");
            }
        });
        return new PayloadVariables(Map.copyOf(pointers));
    }

    /** The variable names configured. */
    Set<String> names() {
        return pointers.keySet();
    }

    /**
     * The values found in {@code body}; a configured name that is absent from the result must be unset.
     *
     * @throws UnusableValueException if a value cannot be put in an environment
     */
    Map<String, String> valuesIn(byte[] body) throws UnusableValueException {
        if (pointers.isEmpty()) {
            return Map.of();
        }
        JsonNode root = parse(body);
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonPointer> entry : pointers.entrySet()) {
            JsonNode node = root.at(entry.getValue());
            if (node.isMissingNode()) {
                continue;
            }
            String value = node.isTextual() ? node.textValue() : node.isNull() ? "" : node.toString();
            if (value.indexOf('\0') >= 0) {
                throw new UnusableValueException("the value for " + entry.getKey()
                        + " contains a NUL character, which an environment variable cannot hold");
            }
            if (value.length() > MAX_VALUE_CHARS) {
                throw new UnusableValueException("the value for " + entry.getKey() + " is longer than "
                        + MAX_VALUE_CHARS + " characters, more than an environment variable may safely hold");
            }
            values.put(entry.getKey(), value);
        }
        return values;
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? MissingNode.getInstance() : MAPPER.readTree(body);
        } catch (IOException | RuntimeException e) {
            // Not JSON: the command still runs with the body on stdin, every mapped variable unset.
            return MissingNode.getInstance();
        }
    }
}
