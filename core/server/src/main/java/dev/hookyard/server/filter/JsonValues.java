package dev.hookyard.server.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * Strict comparison of JSON values, as filters need it: a number equals only a number of the same value
 * ({@code 8} and {@code 8.0} are equal, {@code 8} and {@code "8"} are not), a string only the same string, a boolean
 * only the same boolean, {@code null} only {@code null}. Nothing is converted from one type to another.
 */
final class JsonValues {

    /** Longest text of a value quoted in a mismatch: enough to recognise it, never a whole body. */
    private static final int QUOTED = 60;

    private JsonValues() {
    }

    /** Whether two scalar values are the same value of the same JSON type. */
    static boolean sameScalar(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return decimal(a).compareTo(decimal(b)) == 0;
        }
        if (a.isTextual() && b.isTextual()) {
            return a.textValue().equals(b.textValue());
        }
        if (a.isBoolean() && b.isBoolean()) {
            return a.booleanValue() == b.booleanValue();
        }
        return a.isNull() && b.isNull();
    }

    /**
     * The order of two numbers, or of two strings (by UTF-16 code units, so ISO-8601 timestamps written alike
     * compare in time order); {@code null} for any other pair, which has no order.
     */
    static Integer order(JsonNode value, JsonNode operand) {
        if (value.isNumber() && operand.isNumber()) {
            return decimal(value).compareTo(decimal(operand));
        }
        if (value.isTextual() && operand.isTextual()) {
            return value.textValue().compareTo(operand.textValue());
        }
        return null;
    }

    private static BigDecimal decimal(JsonNode number) {
        return number.decimalValue();
    }

    /** A value as a mismatch shows it: scalars as JSON (long text cut), containers by their kind and size. */
    static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing (missing)";
        }
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "a list of " + value.size();
        }
        String json = value.toString();
        return json.length() <= QUOTED ? json : json.substring(0, QUOTED) + "...\" (" + json.length() + " characters)";
    }
}
