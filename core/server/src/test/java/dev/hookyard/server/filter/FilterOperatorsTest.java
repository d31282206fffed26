package dev.hookyard.server.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.hookyard.spi.Headers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operator, strict typing and "arrays mean contains", as a table: a filter as written in the YAML file, a
 * body, and whether the filter selects it (if not, at which condition it says no).
 */
class FilterOperatorsTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    /** Selected: the filter said yes. */
    private static final String YES = null;

    static Stream<Arguments> bodies() {
        return Stream.of(
                // scalars: same value, same type
                row("{ body: { n: 8 } }", "{\"n\":8}", YES),
                row("{ body: { n: 8 } }", "{\"n\":8.0}", YES),
                row("{ body: { n: 8 } }", "{\"n\":\"8\"}", "body.n"),
                row("{ body: { s: \"8\" } }", "{\"s\":8}", "body.s"),
                row("{ body: { b: true } }", "{\"b\":true}", YES),
                row("{ body: { b: true } }", "{\"b\":\"true\"}", "body.b"),
                row("{ body: { b: true } }", "{\"b\":1}", "body.b"),
                row("{ body: { z: null } }", "{\"z\":null}", YES),
                row("{ body: { z: null } }", "{}", "body.z"),
                row("{ body: { z: null } }", "{\"z\":0}", "body.z"),
                row("{ body: { z: null } }", "{\"z\":\"\"}", "body.z"),
                row("{ body: { n: 0 } }", "{\"n\":false}", "body.n"),
                row("{ body: { n: 12345678901234567890 } }", "{\"n\":12345678901234567890}", YES),
                row("{ body: { n: 0.1 } }", "{\"n\":0.10}", YES),
                row("{ body: { s: abc } }", "{\"s\":\"ABC\"}", "body.s"),
                // nested objects: partial match
                row("{ body: { data: { status: open } } }", "{\"data\":{\"status\":\"open\",\"x\":1},\"y\":2}", YES),
                row("{ body: { data: { status: open } } }", "{\"data\":{\"status\":\"closed\"}}", "body.data.status"),
                row("{ body: { data: { status: open } } }", "{\"data\":\"open\"}", "body.data"),
                row("{ body: { data: { status: open } } }", "{}", "body.data"),
                row("{ body: { data: {} } }", "{\"data\":{\"a\":1}}", YES),
                row("{ body: { data: {} } }", "{\"data\":[]}", "body.data"),
                // arrays in the document: contains
                row("{ body: { tags: vip } }", "{\"tags\":[\"new\",\"vip\"]}", YES),
                row("{ body: { tags: vip } }", "{\"tags\":[\"new\"]}", "body.tags"),
                row("{ body: { tags: 8 } }", "{\"tags\":[\"8\"]}", "body.tags"),
                row("{ body: { items: { sku: A1 } } }", "{\"items\":[{\"sku\":\"B2\"},{\"sku\":\"A1\"}]}", YES),
                row("{ body: { items: { sku: A1 } } }", "{\"items\":[{\"sku\":\"B2\"}]}", "body.items"),
                row("{ body: { tags: [vip, new] } }", "{\"tags\":[\"new\",\"x\",\"vip\"]}", YES),
                row("{ body: { tags: [vip, new] } }", "{\"tags\":[\"new\"]}", "body.tags[0]"),
                row("{ body: { tags: [vip] } }", "{\"tags\":\"vip\"}", "body.tags"),
                row("{ body: { items: [ { sku: A1 }, { qty: 2 } ] } }",
                        "{\"items\":[{\"sku\":\"A1\",\"qty\":1},{\"sku\":\"B\",\"qty\":2}]}", YES),
                // $eq $neq
                row("{ body: { n: { $eq: 8 } } }", "{\"n\":8}", YES),
                row("{ body: { n: { $eq: 8 } } }", "{\"n\":\"8\"}", "body.n.$eq"),
                row("{ body: { s: { $neq: closed } } }", "{\"s\":\"open\"}", YES),
                row("{ body: { s: { $neq: closed } } }", "{\"s\":\"closed\"}", "body.s.$neq"),
                row("{ body: { s: { $neq: closed } } }", "{}", YES),
                row("{ body: { n: { $neq: 8 } } }", "{\"n\":\"8\"}", YES),
                row("{ body: { tags: { $neq: spam } } }", "{\"tags\":[\"a\",\"spam\"]}", "body.tags.$neq"),
                row("{ body: { tags: { $neq: spam } } }", "{\"tags\":[\"a\",\"b\"]}", YES),
                // $in $nin
                row("{ body: { s: { $in: [open, pending] } } }", "{\"s\":\"pending\"}", YES),
                row("{ body: { s: { $in: [open, pending] } } }", "{\"s\":\"closed\"}", "body.s.$in"),
                row("{ body: { s: { $in: [open, pending] } } }", "{}", "body.s.$in"),
                row("{ body: { n: { $in: [1, 2] } } }", "{\"n\":\"1\"}", "body.n.$in"),
                row("{ body: { n: { $in: [1, 2] } } }", "{\"n\":[5, 2]}", YES),
                row("{ body: { s: { $nin: [spam, test] } } }", "{\"s\":\"real\"}", YES),
                row("{ body: { s: { $nin: [spam, test] } } }", "{\"s\":\"test\"}", "body.s.$nin"),
                row("{ body: { s: { $nin: [spam, test] } } }", "{}", YES),
                // $gt $gte $lt $lte
                row("{ body: { n: { $gt: 10 } } }", "{\"n\":10.5}", YES),
                row("{ body: { n: { $gt: 10 } } }", "{\"n\":10}", "body.n.$gt"),
                row("{ body: { n: { $gte: 10 } } }", "{\"n\":10}", YES),
                row("{ body: { n: { $lt: 10 } } }", "{\"n\":-3}", YES),
                row("{ body: { n: { $lt: 10 } } }", "{\"n\":\"3\"}", "body.n.$lt"),
                row("{ body: { n: { $lte: 10 } } }", "{\"n\":10.0}", YES),
                row("{ body: { n: { $lte: 10 } } }", "{\"n\":null}", "body.n.$lte"),
                row("{ body: { n: { $gt: 1, $lt: 5 } } }", "{\"n\":3}", YES),
                row("{ body: { n: { $gt: 1, $lt: 5 } } }", "{\"n\":7}", "body.n.$lt"),
                row("{ body: { at: { $gte: \"2024-01-01\" } } }", "{\"at\":\"2024-06-30T10:00:00Z\"}", YES),
                row("{ body: { at: { $gte: \"2024-01-01\" } } }", "{\"at\":\"2023-12-31T10:00:00Z\"}", "body.at.$gte"),
                row("{ body: { at: { $gte: \"2024-01-01\" } } }", "{\"at\":20240101}", "body.at.$gte"),
                row("{ body: { scores: { $gt: 90 } } }", "{\"scores\":[50, 95]}", YES),
                // $startsWith $endsWith
                row("{ body: { type: { $startsWith: \"invoice.\" } } }", "{\"type\":\"invoice.paid\"}", YES),
                row("{ body: { type: { $startsWith: \"invoice.\" } } }", "{\"type\":\"charge.paid\"}", "body.type.$startsWith"),
                row("{ body: { n: { $startsWith: \"1\" } } }", "{\"n\":12}", "body.n.$startsWith"),
                row("{ body: { mail: { $endsWith: \"@example.com\" } } }", "{\"mail\":\"a@example.com\"}", YES),
                row("{ body: { mail: { $endsWith: \"@example.com\" } } }", "{\"mail\":\"a@example.org\"}", "body.mail.$endsWith"),
                // $exist
                row("{ body: { x: { $exist: true } } }", "{\"x\":null}", YES),
                row("{ body: { x: { $exist: true } } }", "{}", "body.x.$exist"),
                row("{ body: { x: { $exist: false } } }", "{}", YES),
                row("{ body: { x: { $exist: false } } }", "{\"x\":0}", "body.x.$exist"),
                // $not $or $and
                row("{ body: { s: { $not: { $in: [a, b] } } } }", "{\"s\":\"c\"}", YES),
                row("{ body: { s: { $not: { $in: [a, b] } } } }", "{\"s\":\"a\"}", "body.s.$not"),
                row("{ body: { $or: [ { a: 1 }, { b: 2 } ] } }", "{\"b\":2}", YES),
                row("{ body: { $or: [ { a: 1 }, { b: 2 } ] } }", "{\"a\":2,\"b\":1}", "body.$or"),
                row("{ body: { $and: [ { a: 1 }, { b: 2 } ] } }", "{\"a\":1,\"b\":2}", YES),
                row("{ body: { $and: [ { a: 1 }, { b: 2 } ] } }", "{\"a\":1,\"b\":3}", "body.$and[1].b"),
                row("{ body: { n: { $or: [ { $lt: 0 }, { $gt: 100 } ] } } }", "{\"n\":101}", YES),
                row("{ body: { n: { $or: [ { $lt: 0 }, { $gt: 100 } ] } } }", "{\"n\":50}", "body.n.$or"),
                row("{ $or: [ { body: { a: 1 } }, { headers: { x-kind: test } } ] }", "{\"a\":1}", YES),
                row("{ $not: { body: { a: 1 } } }", "{\"a\":1}", "$not"),
                // the body itself
                row("{ body: { a: 1 } }", "not json", "body"),
                row("{ body: { a: 1 } }", "[{\"a\":1}]", YES),
                row("{ body: { $exist: false } }", "{\"a\":1,\"a\":2}", YES));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("bodies")
    void selectsByBody(String filter, String body, String failingPath) throws Exception {
        assertVerdict(filter, Headers.empty(), body, failingPath);
    }

    static Stream<Arguments> headers() {
        return Stream.of(
                row("{ headers: { X-GitHub-Event: push } }", "x-github-event=push", YES),
                row("{ headers: { x-github-event: push } }", "X-GITHUB-EVENT=push", YES),
                row("{ headers: { x-github-event: push } }", "X-GitHub-Event=Push", "headers.x-github-event"),
                row("{ headers: { x-github-event: { $in: [push, release] } } }", "X-GitHub-Event=release", YES),
                row("{ headers: { x-github-event: push } }", "", "headers.x-github-event"),
                row("{ headers: { x-tag: b } }", "x-tag=a,x-tag=b", YES),
                row("{ headers: { x-tag: { $neq: b } } }", "x-tag=a,x-tag=b", "headers.x-tag.$neq"),
                row("{ headers: { x-count: { $gt: \"5\" } } }", "x-count=7", YES),
                row("{ headers: { user-agent: { $startsWith: Stripe/ } } }", "User-Agent=Stripe/1.0", YES),
                row("{ headers: { x-test: { $exist: false } } }", "x-other=1", YES),
                row("{ headers: { $or: [ { x-a: \"1\" }, { x-b: \"1\" } ] } }", "X-B=1", YES),
                row("{ headers: { x-a: \"1\" }, body: { k: 1 } }", "x-a=1", "body.k"));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("headers")
    void selectsByHeaders(String filter, String headers, String failingPath) throws Exception {
        assertVerdict(filter, headers(headers), "{\"k\":2}", failingPath);
    }

    private static void assertVerdict(String filter, Headers headers, String body, String failingPath)
            throws Exception {
        FilterCompiler.Result result = FilterCompiler.compile(YAML.readTree(filter));
        RouteFilter compiled = assertInstanceOf(FilterCompiler.Result.Compiled.class, result, result.toString())
                .filter();
        Optional<FilterMismatch> verdict = compiled.test(FilterSubject.of(headers,
                body.getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.ofNullable(failingPath), verdict.map(FilterMismatch::path),
                () -> "verdict: " + verdict.map(FilterMismatch::toString).orElse("selected"));
    }

    /** "name=value,name=value" as received headers, a name given twice keeping both values. */
    private static Headers headers(String text) {
        Map<String, List<String>> map = new java.util.LinkedHashMap<>();
        if (!text.isEmpty()) {
            for (String pair : text.split(",")) {
                String[] nv = pair.split("=", 2);
                map.computeIfAbsent(nv[0], k -> new java.util.ArrayList<>()).add(nv[1]);
            }
        }
        return Headers.of(map);
    }

    private static Arguments row(String filter, String input, String failingPath) {
        return Arguments.of(filter, input, failingPath);
    }
}
