package dev.hookyard.distribution;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spans of OTLP/HTTP export requests ({@code ExportTraceServiceRequest}, protobuf), read with a few lines of
 * protobuf wire format rather than the collector's generated classes: only the fields the tests look at (the
 * resource's and each span's string attributes, ids, parent, name and links), by their numbers in
 * opentelemetry-proto's trace.proto and common.proto.
 */
final class OtlpSpans {

    /** One span; ids in lowercase hex, as in a {@code traceparent}. */
    record Span(String traceId, String spanId, String parentSpanId, String name, Map<String, String> attributes,
                List<Link> links, Map<String, String> resource) {
    }

    record Link(String traceId, String spanId) {
    }

    private OtlpSpans() {
    }

    /** Every span of one export request. */
    static List<Span> read(byte[] exportRequest) {
        List<Span> spans = new ArrayList<>();
        for (Field resourceSpans : fields(exportRequest)) {           // ExportTraceServiceRequest.resource_spans = 1
            if (resourceSpans.number != 1) {
                continue;
            }
            Map<String, String> resource = new LinkedHashMap<>();
            List<byte[]> scopeSpans = new ArrayList<>();
            for (Field f : fields(resourceSpans.bytes)) {
                if (f.number == 1) {                                  // ResourceSpans.resource = 1
                    for (Field attribute : fields(f.bytes)) {         // Resource.attributes = 1
                        if (attribute.number == 1) {
                            putAttribute(resource, attribute.bytes);
                        }
                    }
                } else if (f.number == 2) {                           // ResourceSpans.scope_spans = 2
                    scopeSpans.add(f.bytes);
                }
            }
            for (byte[] scope : scopeSpans) {
                for (Field span : fields(scope)) {                    // ScopeSpans.spans = 2
                    if (span.number == 2) {
                        spans.add(span(span.bytes, resource));
                    }
                }
            }
        }
        return spans;
    }

    private static Span span(byte[] bytes, Map<String, String> resource) {
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        Map<String, String> attributes = new LinkedHashMap<>();
        List<Link> links = new ArrayList<>();
        for (Field f : fields(bytes)) {
            switch (f.number) {
                case 1 -> traceId = hex(f.bytes);
                case 2 -> spanId = hex(f.bytes);
                case 4 -> parent = hex(f.bytes);
                case 5 -> name = new String(f.bytes, java.nio.charset.StandardCharsets.UTF_8);
                case 9 -> putAttribute(attributes, f.bytes);
                case 13 -> links.add(link(f.bytes));
                default -> {
                }
            }
        }
        return new Span(traceId, spanId, parent, name, attributes, links, resource);
    }

    private static Link link(byte[] bytes) {
        String traceId = "";
        String spanId = "";
        for (Field f : fields(bytes)) {
            if (f.number == 1) {
                traceId = hex(f.bytes);
            } else if (f.number == 2) {
                spanId = hex(f.bytes);
            }
        }
        return new Link(traceId, spanId);
    }

    /** A KeyValue (key = 1, AnyValue value = 2): string values as they are, int values in decimal. */
    private static void putAttribute(Map<String, String> into, byte[] keyValue) {
        String key = null;
        String value = null;
        for (Field f : fields(keyValue)) {
            if (f.number == 1) {
                key = new String(f.bytes, java.nio.charset.StandardCharsets.UTF_8);
            } else if (f.number == 2) {
                for (Field v : fields(f.bytes)) {
                    if (v.number == 1) {                              // AnyValue.string_value = 1
                        value = new String(v.bytes, java.nio.charset.StandardCharsets.UTF_8);
                    } else if (v.number == 3) {                       // AnyValue.int_value = 3
                        value = Long.toString(v.varint);
                    }
                }
            }
        }
        if (key != null && value != null) {
            into.put(key, value);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** One field: its number, and its bytes (length-delimited) or value (varint; fixed ones are skipped). */
    private record Field(int number, byte[] bytes, long varint) {
    }

    private static List<Field> fields(byte[] message) {
        List<Field> fields = new ArrayList<>();
        int[] at = {0};
        while (at[0] < message.length) {
            long tag = varint(message, at);
            int number = (int) (tag >>> 3);
            switch ((int) (tag & 7)) {
                case 0 -> fields.add(new Field(number, null, varint(message, at)));
                case 1 -> at[0] += 8;
                case 2 -> {
                    int length = (int) varint(message, at);
                    ByteArrayOutputStream out = new ByteArrayOutputStream(length);
                    out.write(message, at[0], length);
                    at[0] += length;
                    fields.add(new Field(number, out.toByteArray(), 0));
                }
                case 5 -> at[0] += 4;
                default -> throw new IllegalArgumentException("not protobuf: wire type " + (tag & 7));
            }
        }
        return fields;
    }

    private static long varint(byte[] message, int[] at) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = message[at[0]++];
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("not protobuf: varint too long");
    }
}
