package dev.hookyard.server.filter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookyard.server.filter.Condition.Comparison;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a route's {@code filter:} as read from the configuration into a {@link RouteFilter}, or reports every
 * problem in it by its path inside the filter. One compiler compiles one filter.
 *
 * <p>The shape: {@code body:} is matched against the body's JSON and {@code headers:} against the headers, each a
 * partial match (fields not named may be anything); a scalar must equal the value, with its type; a list must be
 * contained; a map of operators ({@code $eq}, {@code $in}, ...) must hold as a whole. {@code $or}, {@code $and} and
 * {@code $not} combine conditions on the same value, also around {@code body:} and {@code headers:}. Header values
 * are text, so a header condition compares with strings only: {@code 8} there would never match and is refused.
 *
 * <p>Limits, so that testing a filter costs a bounded amount per delivery whatever the file says: at most
 * {@value #MAX_DEPTH} levels of nesting, {@value #MAX_NODES} values and conditions in all, and
 * {@value #MAX_TEXT} characters per string or field name.
 */
public final class FilterCompiler {

    static final int MAX_DEPTH = 16;
    static final int MAX_NODES = 512;
    static final int MAX_TEXT = 1024;

    private static final List<String> OPERATORS = List.of("$eq", "$neq", "$in", "$nin", "$gt", "$gte", "$lt", "$lte",
            "$startsWith", "$endsWith", "$exist", "$not", "$or", "$and");
    private static final List<String> LOGICAL = List.of("$or", "$and", "$not");
    /** An HTTP header field name (RFC 9110 token). */
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /** What a part of the filter is matched against, which decides what may be written there. */
    private enum Place {
        /** The filter itself: {@code body}, {@code headers}, and logical operators over those. */
        TOP,
        /** Anything under {@code body}. */
        BODY,
        /** The map under {@code headers}: header names, and logical operators over such maps. */
        HEADER_NAMES,
        /** The condition on one header's value (text). */
        HEADER_VALUE
    }

    private final List<FilterProblem> problems = new ArrayList<>();
    private int nodes;
    private boolean readsBody;

    private FilterCompiler() {
    }

    /** The compiled filter, or the problems in it (never both). */
    public sealed interface Result {
        record Compiled(RouteFilter filter) implements Result {
        }

        record Invalid(List<FilterProblem> problems) implements Result {
            public Invalid {
                problems = List.copyOf(problems);
            }
        }
    }

    /** Compiles {@code filter} (a node of the configuration tree; missing or null means no filter). */
    public static Result compile(JsonNode filter) {
        if (filter == null || filter.isMissingNode() || filter.isNull()) {
            return new Result.Compiled(RouteFilter.NONE);
        }
        FilterCompiler compiler = new FilterCompiler();
        Condition condition = compiler.condition(filter, "", Place.TOP, 1);
        if (!compiler.problems.isEmpty() || condition == null) {
            return new Result.Invalid(compiler.problems);
        }
        return new Result.Compiled(new RouteFilter(condition, compiler.readsBody));
    }

    private Condition condition(JsonNode node, String path, Place place, int depth) {
        if (!counted()) {
            return null;
        }
        if (depth > MAX_DEPTH) {
            problem(path, "is nested more than " + MAX_DEPTH + " levels deep", "match a shallower part of the body");
            return null;
        }
        if (node.isObject()) {
            return map(node, path, place, depth);
        }
        if (node.isArray()) {
            return list(node, path, place, depth);
        }
        return switch (place) {
            case TOP -> invalid(path, "must be a map with body: and/or headers:",
                    "write filter: { body: { field: value } } or filter: { headers: { name: value } }");
            case HEADER_NAMES -> invalid(path, "must be a map of header names to values",
                    "write headers: { x-event-name: value }");
            case BODY, HEADER_VALUE -> scalar(node, path, place) ? new Condition.Equal(path, node) : null;
        };
    }

    private Condition map(JsonNode node, String path, Place place, int depth) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        long operators = names.stream().filter(n -> n.startsWith("$")).count();
        if (operators > 0 && operators < names.size()) {
            String field = names.stream().filter(n -> !n.startsWith("$")).findFirst().orElseThrow();
            String operator = names.stream().filter(n -> n.startsWith("$")).findFirst().orElseThrow();
            return invalid(path, "mixes operators (" + operator + ") with field names (" + field + ")",
                    "put the fields under an operator, e.g. $and: [ { " + field + ": ... }, { " + operator
                            + ": ... } ], or the operators under a field");
        }
        if (operators > 0) {
            return operators(node, path, place, depth);
        }
        return switch (place) {
            case TOP -> top(node, path, depth);
            case BODY -> fields(node, path, Place.BODY, depth, false);
            case HEADER_NAMES -> fields(node, path, Place.HEADER_VALUE, depth, true);
            case HEADER_VALUE -> invalid(path, "is a map of fields, but a header's value is text",
                    "match the header with a string, a list of strings, or operators such as $startsWith");
        };
    }

    private Condition top(JsonNode node, String path, int depth) {
        if (node.isEmpty()) {
            return invalid(path, "is empty", "write body: { field: value } and/or headers: { name: value }");
        }
        Map<String, Condition> parts = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> part = it.next();
            String name = part.getKey();
            String at = join(path, name);
            switch (name) {
                case "body" -> {
                    readsBody = true;
                    parts.put(name, condition(part.getValue(), at, Place.BODY, depth + 1));
                }
                case "headers" -> parts.put(name, condition(part.getValue(), at, Place.HEADER_NAMES, depth + 1));
                default -> problem(at, "is not a part of a delivery a filter can match",
                        "use body: (the JSON body) or headers: (the request headers)");
            }
        }
        return parts.containsValue(null) ? null : new Condition.Fields(path, parts);
    }

    private Condition fields(JsonNode node, String path, Place childPlace, int depth, boolean headerNames) {
        if (headerNames && node.isEmpty()) {
            return invalid(path, "names no header", "write headers: { x-event-name: value }, or leave headers: out");
        }
        Map<String, Condition> fields = new LinkedHashMap<>();
        boolean valid = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            String at = join(path, name);
            if (!text(name, at)) {
                valid = false;
                continue;
            }
            if (headerNames) {
                if (!HEADER_NAME.matcher(name).matches()) {
                    problem(at, "is not a header name", "write the header's name as it is sent, e.g. x-github-event");
                    valid = false;
                    continue;
                }
                // Header names are case-insensitive: the subject keys them in lower case, and so does the filter.
                name = name.toLowerCase(Locale.ROOT);
                if (fields.containsKey(name)) {
                    problem(at, "names a header already named in another case", "name each header once");
                    valid = false;
                    continue;
                }
            }
            Condition condition = condition(field.getValue(), at, childPlace, depth + 1);
            valid &= condition != null;
            fields.put(name, condition);
        }
        return valid ? new Condition.Fields(path, fields) : null;
    }

    private Condition list(JsonNode node, String path, Place place, int depth) {
        if (place == Place.TOP || place == Place.HEADER_NAMES) {
            return invalid(path, place == Place.TOP ? "must be a map with body: and/or headers:"
                    : "must be a map of header names to values",
                    "to match one of several, write $or: [ ..., ... ]");
        }
        List<Condition> elements = elements(node, path, place, depth);
        return elements == null ? null : new Condition.ContainsAll(path, elements);
    }

    /** The conditions of a list's elements, {@code null} if one is invalid. */
    private List<Condition> elements(JsonNode node, String path, Place place, int depth) {
        List<Condition> elements = new ArrayList<>();
        boolean valid = true;
        for (int i = 0; i < node.size(); i++) {
            Condition element = condition(node.get(i), path + "[" + i + "]", place, depth + 1);
            valid &= element != null;
            elements.add(element);
        }
        return valid ? elements : null;
    }

    private Condition operators(JsonNode node, String path, Place place, int depth) {
        List<Condition> conditions = new ArrayList<>();
        boolean valid = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Condition condition = operator(entry.getKey(), entry.getValue(), join(path, entry.getKey()), place,
                    depth);
            valid &= condition != null;
            conditions.add(condition);
        }
        if (!valid) {
            return null;
        }
        return conditions.size() == 1 ? conditions.get(0) : new Condition.AllOf(path, conditions);
    }

    private Condition operator(String name, JsonNode operand, String path, Place place, int depth) {
        boolean onValue = place == Place.BODY || place == Place.HEADER_VALUE;
        if (!OPERATORS.contains(name)) {
            return invalid(path, "is not an operator", "use one of " + String.join(" ", onValue ? OPERATORS : LOGICAL));
        }
        if (!onValue && !LOGICAL.contains(name)) {
            return invalid(path, "compares a value, but here " + (place == Place.TOP ? "body: and headers:"
                            : "header names") + " are expected",
                    place == Place.TOP ? "put it under body: or headers:, at the field it compares"
                            : "put it under the header it compares, e.g. x-event-name: { " + name + ": ... }");
        }
        if (!counted()) {
            return null;
        }
        return switch (name) {
            case "$eq" -> scalar(operand, path, place) ? new Condition.Equal(path, operand) : null;
            case "$neq" -> scalar(operand, path, place)
                    ? new Condition.Not(path, new Condition.Equal(path, operand), "anything but " + operand) : null;
            case "$in" -> oneOf(operand, path, place);
            case "$nin" -> {
                Condition.OneOf in = oneOf(operand, path, place);
                yield in == null ? null : new Condition.Not(path, in, "none of " + in.operands());
            }
            case "$gt" -> compare(Comparison.GT, operand, path, place);
            case "$gte" -> compare(Comparison.GTE, operand, path, place);
            case "$lt" -> compare(Comparison.LT, operand, path, place);
            case "$lte" -> compare(Comparison.LTE, operand, path, place);
            case "$startsWith", "$endsWith" -> affix(operand, path)
                    ? new Condition.Affix(path, operand.textValue(), name.equals("$startsWith")) : null;
            case "$exist" -> {
                if (!operand.isBoolean()) {
                    yield invalid(path, "expected true or false", "write $exist: true (the field is there) or"
                            + " $exist: false (it is not)");
                }
                yield new Condition.Exists(path, operand.booleanValue());
            }
            case "$not" -> {
                Condition negated = condition(operand, path, place, depth + 1);
                yield negated == null ? null
                        : new Condition.Not(path, negated, "the condition under $not not to hold");
            }
            default -> logical(name, operand, path, place, depth); // $or, $and
        };
    }

    private Condition logical(String name, JsonNode operand, String path, Place place, int depth) {
        if (!operand.isArray() || operand.isEmpty()) {
            return invalid(path, "expected a list of conditions", "write " + name + ": [ { ... }, { ... } ]");
        }
        List<Condition> parts = elements(operand, path, place, depth);
        if (parts == null) {
            return null;
        }
        return name.equals("$or") ? new Condition.AnyOf(path, parts) : new Condition.AllOf(path, parts);
    }

    private Condition.OneOf oneOf(JsonNode operand, String path, Place place) {
        if (!operand.isArray() || operand.isEmpty()) {
            invalid(path, "expected a list", "write e.g. " + lastSegment(path) + ": [open, pending]");
            return null;
        }
        List<JsonNode> values = new ArrayList<>();
        boolean valid = true;
        for (int i = 0; i < operand.size(); i++) {
            if (!counted()) {
                return null;
            }
            boolean ok = scalar(operand.get(i), path + "[" + i + "]", place);
            valid &= ok;
            values.add(operand.get(i));
        }
        return valid ? new Condition.OneOf(path, values) : null;
    }

    private Condition compare(Comparison comparison, JsonNode operand, String path, Place place) {
        boolean number = operand.isNumber() && place == Place.BODY;
        if (!number && !operand.isTextual()) {
            return invalid(path, place == Place.BODY ? "expected a number or a string" : "expected a string"
                            + " (a header's value is text)",
                    place == Place.BODY ? "write e.g. " + lastSegment(path) + ": 100, or a timestamp in quotes"
                            : "write e.g. " + lastSegment(path) + ": \"2024-01-01\" (strings compare as text)");
        }
        if (!scalar(operand, path, place)) {
            return null;
        }
        return new Condition.Compare(path, comparison, operand);
    }

    private boolean affix(JsonNode operand, String path) {
        if (!operand.isTextual()) {
            invalid(path, "expected a string", "write e.g. " + lastSegment(path) + ": \"prefix\"");
            return false;
        }
        return text(operand.textValue(), path);
    }

    /** Whether a node is a value that can be compared there: any JSON scalar in a body, a string in a header. */
    private boolean scalar(JsonNode node, String path, Place place) {
        if (place == Place.HEADER_VALUE) {
            if (!node.isTextual()) {
                invalid(path, node.isValueNode() ? "is not a string, but a header's value is text and filters do not"
                                + " convert types" : "expected a string",
                        node.isValueNode() && !node.isNull() ? "write it in quotes: \"" + node.asText() + "\""
                                : "write a string");
                return false;
            }
            return text(node.textValue(), path);
        }
        if (node.isTextual()) {
            return text(node.textValue(), path);
        }
        if (node.isNumber()) {
            if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
                invalid(path, "is not a finite number", "JSON has no NaN or infinity: write a number");
                return false;
            }
            return true;
        }
        if (node.isBoolean() || node.isNull()) {
            return true;
        }
        invalid(path, "expected a string, number, boolean or null", "write a single value (maps and lists are"
                + " matched by writing them without an operator)");
        return false;
    }

    /** Text from the file: bounded, and never a reference that would be compared literally. */
    private boolean text(String text, String path) {
        if (text.length() > MAX_TEXT) {
            problem(path, "is longer than " + MAX_TEXT + " characters", "match a shorter part, e.g. with $startsWith");
            return false;
        }
        if (text.contains("${env:") || text.contains("${file:")) {
            problem(path, "is a reference, but filters compare what is written", "write the value itself");
            return false;
        }
        return true;
    }

    /** Counts one more value or condition; past the limit, reports it (once) and answers false. */
    private boolean counted() {
        if (++nodes <= MAX_NODES) {
            return true;
        }
        if (nodes == MAX_NODES + 1) {
            problem("", "has more than " + MAX_NODES + " values and conditions",
                    "split it over several routes, or match with $in, $startsWith or a shorter list");
        }
        return false;
    }

    private Condition invalid(String path, String problem, String fix) {
        problem(path, problem, fix);
        return null;
    }

    private void problem(String path, String problem, String fix) {
        problems.add(new FilterProblem(path, problem, fix));
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String lastSegment(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
