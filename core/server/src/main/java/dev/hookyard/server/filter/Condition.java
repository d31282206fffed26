package dev.hookyard.server.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One compiled condition of a filter, tested against one value of a delivery ({@code null} when the delivery has
 * nothing there). Immutable; built by {@link FilterCompiler} only.
 *
 * <p>"Arrays mean contains": a condition on a single value ({@link Fields}, {@link Equal}, {@link OneOf},
 * {@link Compare}, {@link Affix}) holds for a list when it holds for one of its elements.
 * {@link Not} negates whatever its condition decides, so {@code $neq: x} on a list holds when no element is x.
 */
sealed interface Condition {

    /** Where the condition is in the filter as written, for {@link FilterMismatch#path()}. */
    String path();

    /** Empty when the condition holds for {@code value}; else the first reason it does not. */
    Optional<FilterMismatch> test(JsonNode value);

    default Optional<FilterMismatch> mismatch(String expected, JsonNode found) {
        return Optional.of(new FilterMismatch(path(), expected, JsonValues.describe(found)));
    }

    /**
     * A condition on a single value, which a list satisfies through any one of its elements.
     */
    sealed interface OnValue extends Condition {

        /** The condition for a value that is not a list (or for a list itself, where a list is what it wants). */
        Optional<FilterMismatch> testOne(JsonNode value);

        /** What it wants, for a list none of whose elements satisfies it. */
        String expected();

        @Override
        default Optional<FilterMismatch> test(JsonNode value) {
            if (value == null || !value.isArray()) {
                return testOne(value);
            }
            for (JsonNode element : value) {
                if (test(element).isEmpty()) {
                    return Optional.empty();
                }
            }
            return Optional.of(new FilterMismatch(path(), "an element that is " + expected(),
                    JsonValues.describe(value) + ", none of them"));
        }
    }

    /** A map of field names: an object whose fields match (others may be there too: partial match). */
    record Fields(String path, Map<String, Condition> fields) implements OnValue {
        public Fields {
            // In the order written, so the mismatch reported is the first one a reader of the filter meets.
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        @Override
        public Optional<FilterMismatch> testOne(JsonNode value) {
            if (value == null || !value.isObject()) {
                return mismatch(expected(), value);
            }
            for (Map.Entry<String, Condition> field : fields.entrySet()) {
                Optional<FilterMismatch> failed = field.getValue().test(value.get(field.getKey()));
                if (failed.isPresent()) {
                    return failed;
                }
            }
            return Optional.empty();
        }

        @Override
        public String expected() {
            return "an object";
        }
    }

    /** A list in the filter: a list that contains, for each of these conditions, an element that satisfies it. */
    record ContainsAll(String path, List<Condition> elements) implements Condition {
        public ContainsAll {
            elements = List.copyOf(elements);
        }

        @Override
        public Optional<FilterMismatch> test(JsonNode value) {
            if (value == null || !value.isArray()) {
                return mismatch("a list", value);
            }
            for (Condition wanted : elements) {
                boolean found = false;
                for (JsonNode element : value) {
                    if (wanted.test(element).isEmpty()) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    return Optional.of(new FilterMismatch(wanted.path(), "a list element matching it",
                            JsonValues.describe(value) + ", none matching"));
                }
            }
            return Optional.empty();
        }
    }

    /** A scalar in the filter, or {@code $eq}: the same value, of the same type. */
    record Equal(String path, JsonNode operand) implements OnValue {
        @Override
        public Optional<FilterMismatch> testOne(JsonNode value) {
            return value != null && JsonValues.sameScalar(value, operand) ? Optional.empty()
                    : mismatch(expected(), value);
        }

        @Override
        public String expected() {
            return operand.toString();
        }
    }

    /** {@code $in}: one of these scalars. */
    record OneOf(String path, List<JsonNode> operands) implements OnValue {
        public OneOf {
            operands = List.copyOf(operands);
        }

        @Override
        public Optional<FilterMismatch> testOne(JsonNode value) {
            if (value != null) {
                for (JsonNode operand : operands) {
                    if (JsonValues.sameScalar(value, operand)) {
                        return Optional.empty();
                    }
                }
            }
            return mismatch(expected(), value);
        }

        @Override
        public String expected() {
            return "one of " + operands;
        }
    }

    /** {@code $gt}, {@code $gte}, {@code $lt}, {@code $lte}: a number against a number, a string against a string. */
    record Compare(String path, Comparison comparison, JsonNode operand) implements OnValue {
        @Override
        public Optional<FilterMismatch> testOne(JsonNode value) {
            Integer order = value == null ? null : JsonValues.order(value, operand);
            return order != null && comparison.holds(order) ? Optional.empty() : mismatch(expected(), value);
        }

        @Override
        public String expected() {
            return (operand.isNumber() ? "a number " : "a string ") + comparison.symbol() + " " + operand;
        }
    }

    /** The four orderings of {@link Compare}. */
    enum Comparison {
        GT(">"), GTE(">="), LT("<"), LTE("<=");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        String symbol() {
            return symbol;
        }

        /** @param order the sign of value compared with the operand */
        boolean holds(int order) {
            return switch (this) {
                case GT -> order > 0;
                case GTE -> order >= 0;
                case LT -> order < 0;
                case LTE -> order <= 0;
            };
        }
    }

    /** {@code $startsWith} ({@code atStart}) and {@code $endsWith}: a string beginning or ending with this text. */
    record Affix(String path, String text, boolean atStart) implements OnValue {
        @Override
        public Optional<FilterMismatch> testOne(JsonNode value) {
            boolean holds = value != null && value.isTextual()
                    && (atStart ? value.textValue().startsWith(text) : value.textValue().endsWith(text));
            return holds ? Optional.empty() : mismatch(expected(), value);
        }

        @Override
        public String expected() {
            return "a string " + (atStart ? "starting" : "ending") + " with "
                    + JsonValues.describe(TextNode.valueOf(text));
        }
    }

    /** {@code $exist}: whether the field is there at all ({@code null} counts as there). */
    record Exists(String path, boolean present) implements Condition {
        @Override
        public Optional<FilterMismatch> test(JsonNode value) {
            boolean there = value != null && !value.isMissingNode();
            return there == present ? Optional.empty() : mismatch(present ? "the field to be present"
                    : "the field to be absent", value);
        }
    }

    /**
     * {@code $not}, and {@code $neq} and {@code $nin} (which are {@code $not} of {@code $eq} and {@code $in}): holds
     * when its condition does not.
     *
     * @param expected what it wants, e.g. {@code anything but "closed"}
     */
    record Not(String path, Condition negated, String expected) implements Condition {
        @Override
        public Optional<FilterMismatch> test(JsonNode value) {
            return negated.test(value).isPresent() ? Optional.empty() : mismatch(expected, value);
        }
    }

    /** {@code $or}: at least one of its conditions holds for the same value. */
    record AnyOf(String path, List<Condition> alternatives) implements Condition {
        public AnyOf {
            alternatives = List.copyOf(alternatives);
        }

        @Override
        public Optional<FilterMismatch> test(JsonNode value) {
            Optional<FilterMismatch> first = Optional.empty();
            for (Condition alternative : alternatives) {
                Optional<FilterMismatch> failed = alternative.test(value);
                if (failed.isEmpty()) {
                    return failed;
                }
                if (first.isEmpty()) {
                    first = failed;
                }
            }
            FilterMismatch firstReason = first.orElseThrow();
            return Optional.of(new FilterMismatch(path, "one of " + alternatives.size() + " alternatives to hold",
                    "none did (the first: " + firstReason + ")"));
        }
    }

    /** {@code $and}, and the operators of one map: each of its conditions holds for the same value. */
    record AllOf(String path, List<Condition> conditions) implements Condition {
        public AllOf {
            conditions = List.copyOf(conditions);
        }

        @Override
        public Optional<FilterMismatch> test(JsonNode value) {
            for (Condition condition : conditions) {
                Optional<FilterMismatch> failed = condition.test(value);
                if (failed.isPresent()) {
                    return failed;
                }
            }
            return Optional.empty();
        }
    }
}
