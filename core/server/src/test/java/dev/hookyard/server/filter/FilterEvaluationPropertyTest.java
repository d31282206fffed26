package dev.hookyard.server.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookyard.spi.Headers;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties of filter evaluation on arbitrary input: random filters (valid or not) against random JSON bodies
 * (any nesting, numbers of any size and scale, hostile text, bodies that are not JSON at all) and random headers.
 * Evaluation never throws, and {@code $not} of a filter decides exactly the opposite of the filter. The seed of
 * each round is in the failure message, so a failing round can be replayed.
 */
class FilterEvaluationPropertyTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> KEYS = List.of("a", "b", "status", "n", "tags", "data", "", "é", "$x");
    private static final List<String> OPERATORS = List.of("$eq", "$neq", "$in", "$nin", "$gt", "$gte", "$lt", "$lte",
            "$startsWith", "$endsWith", "$exist", "$not", "$or", "$and", "$bogus");
    private static final int ROUNDS = 2500;

    @Test
    void evaluationNeverThrowsAndNotIsTheExactOpposite() {
        long base = new Random().nextLong();
        int compiled = 0;
        int selected = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long seed = base + round;
            Random random = new Random(seed);
            JsonNode filter = filter(random);
            FilterSubject subject = FilterSubject.of(headers(random), body(random));
            FilterCompiler.Result result;
            try {
                result = FilterCompiler.compile(filter);
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + ": compiling " + filter + " threw", e);
            }
            if (!(result instanceof FilterCompiler.Result.Compiled ok)) {
                assertTrue(!((FilterCompiler.Result.Invalid) result).problems().isEmpty(), "seed " + seed);
                continue;
            }
            compiled++;
            ObjectNode negation = NODES.objectNode();
            negation.set("$not", filter);
            RouteFilter negated = ((FilterCompiler.Result.Compiled) FilterCompiler.compile(negation)).filter();
            try {
                Optional<FilterMismatch> verdict = ok.filter().test(subject);
                Optional<FilterMismatch> opposite = negated.test(subject);
                assertEquals(verdict.isEmpty(), opposite.isPresent(), "seed " + seed + ": " + filter);
                if (verdict.isEmpty()) {
                    selected++;
                }
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("seed " + seed + ": testing " + filter + " threw", e);
            }
        }
        // The generator must reach evaluation, with both outcomes, or the properties above prove little.
        assertTrue(compiled > ROUNDS / 4, "only " + compiled + " filters compiled (base seed " + base + ")");
        assertTrue(selected > 0 && selected < compiled, selected + " of " + compiled + " selected (base " + base + ")");
    }

    private static JsonNode filter(Random random) {
        ObjectNode top = NODES.objectNode();
        if (random.nextInt(4) > 0) {
            top.set("body", pattern(random, 0));
        }
        if (random.nextInt(3) == 0) {
            ObjectNode headers = top.putObject("headers");
            headers.set(random.nextBoolean() ? "X-Kind" : "x-tag", random.nextInt(3) == 0 ? pattern(random, 3)
                    : NODES.textNode(text(random)));
        }
        return top.isEmpty() ? NODES.objectNode().set("body", pattern(random, 0)) : top;
    }

    /** A filter pattern: mostly well-formed, sometimes not (a wrong operand, an unknown operator). */
    private static JsonNode pattern(Random random, int depth) {
        int kind = depth > 4 ? random.nextInt(2) : random.nextInt(5);
        return switch (kind) {
            case 0 -> scalar(random);
            case 1 -> operators(random, depth);
            case 2 -> {
                ObjectNode fields = NODES.objectNode();
                for (int i = random.nextInt(3); i >= 0; i--) {
                    fields.set(KEYS.get(random.nextInt(KEYS.size() - 1)), pattern(random, depth + 1));
                }
                yield fields;
            }
            case 3 -> {
                ArrayNode list = NODES.arrayNode();
                for (int i = random.nextInt(3); i > 0; i--) {
                    list.add(pattern(random, depth + 1));
                }
                yield list;
            }
            default -> operators(random, depth);
        };
    }

    private static JsonNode operators(Random random, int depth) {
        ObjectNode ops = NODES.objectNode();
        for (int i = random.nextInt(2); i >= 0; i--) {
            String op = OPERATORS.get(random.nextInt(OPERATORS.size()));
            JsonNode operand = switch (op) {
                case "$in", "$nin" -> {
                    ArrayNode list = NODES.arrayNode();
                    for (int j = random.nextInt(4); j >= 0; j--) {
                        list.add(scalar(random));
                    }
                    yield list;
                }
                case "$exist" -> NODES.booleanNode(random.nextBoolean());
                case "$not" -> pattern(random, depth + 1);
                case "$or", "$and" -> {
                    ArrayNode list = NODES.arrayNode();
                    for (int j = random.nextInt(3); j >= 0; j--) {
                        list.add(pattern(random, depth + 1));
                    }
                    yield list;
                }
                case "$startsWith", "$endsWith" -> NODES.textNode(text(random));
                default -> random.nextInt(10) == 0 ? pattern(random, depth + 1) : scalar(random);
            };
            ops.set(op, operand);
        }
        return ops;
    }

    private static JsonNode scalar(Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextInt(5) - 2);
            case 3 -> NODES.numberNode(new BigDecimal(BigInteger.valueOf(random.nextLong()), random.nextInt(800) - 400));
            case 4 -> NODES.numberNode(random.nextDouble() * 10);
            case 5 -> NODES.textNode(String.valueOf(random.nextInt(5) - 2));
            default -> NODES.textNode(text(random));
        };
    }

    private static String text(Random random) {
        List<String> pool = List.of("", "a", "open", "closed", "ü", "\u0000", "\uD83D\uDE00", "\uD800", "2024-01-01",
                "x".repeat(200));
        return pool.get(random.nextInt(pool.size())) + (random.nextBoolean() ? "" : pool.get(random.nextInt(4)));
    }

    private static byte[] body(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> {
                byte[] raw = new byte[random.nextInt(64)];
                random.nextBytes(raw);
                yield raw;
            }
            case 1 -> ("[".repeat(900) + "1" + "]".repeat(900)).getBytes(StandardCharsets.UTF_8);
            case 2 -> ("{\"a\":1e99999999,\"n\":-0.0e-5,\"b\":123456789012345678901234567890}")
                    .getBytes(StandardCharsets.UTF_8);
            default -> document(random, 0).toString().getBytes(StandardCharsets.UTF_8);
        };
    }

    private static JsonNode document(Random random, int depth) {
        int kind = depth > 5 ? random.nextInt(2) : random.nextInt(4);
        return switch (kind) {
            case 0, 1 -> scalar(random);
            case 2 -> {
                ArrayNode list = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(document(random, depth + 1));
                }
                yield list;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    object.set(KEYS.get(random.nextInt(KEYS.size())), document(random, depth + 1));
                }
                yield object;
            }
        };
    }

    private static Headers headers(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> Headers.empty();
            case 1 -> Headers.ofSingle(Map.of("x-kind", text(random), "X-Tag", text(random)));
            default -> Headers.of(Map.of("X-TAG", List.of(text(random), text(random))));
        };
    }
}
