package dev.hookyard.vendor.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PlainValuesTest {

    private static JsonNode read(String json) throws Exception {
        return StrictJson.EXACT_DECIMALS.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void convertsEveryJsonKind() throws Exception {
        Map<String, Object> values = PlainValues.ofObject(read("{\"s\":\"text\",\"i\":42,\"neg\":-7,"
                + "\"big\":123456789012345678901234567890,\"d\":24.50,\"e\":1e2,\"t\":true,\"f\":false,"
                + "\"n\":null,\"a\":[1,\"x\",null],\"o\":{\"k\":\"v\"}}"));

        assertEquals("text", values.get("s"));
        assertEquals(42L, values.get("i"));
        assertEquals(-7L, values.get("neg"));
        assertEquals(new BigInteger("123456789012345678901234567890"), values.get("big"));
        assertEquals(new BigDecimal("24.50"), values.get("d"));
        assertEquals(new BigDecimal("1e2"), values.get("e"));
        assertEquals(Boolean.TRUE, values.get("t"));
        assertEquals(Boolean.FALSE, values.get("f"));
        assertTrue(values.containsKey("n"));
        assertNull(values.get("n"));
        assertEquals(Arrays.asList(1L, "x", null), values.get("a"));
        assertEquals(Map.of("k", "v"), values.get("o"));
    }

    @Test
    void longBoundariesStayLong() throws Exception {
        Map<String, Object> values = PlainValues.ofObject(read("{\"max\":9223372036854775807,"
                + "\"min\":-9223372036854775808,\"over\":9223372036854775808}"));

        assertEquals(Long.MAX_VALUE, values.get("max"));
        assertEquals(Long.MIN_VALUE, values.get("min"));
        assertEquals(new BigInteger("9223372036854775808"), values.get("over"));
    }

    @Test
    void keepsTheSendersKeyOrder() throws Exception {
        Map<String, Object> values = PlainValues.ofObject(read("{\"z\":1,\"a\":2,\"m\":3}"));

        assertEquals(List.of("z", "a", "m"), List.copyOf(values.keySet()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void isUnmodifiableAtEveryDepth() throws Exception {
        Map<String, Object> values = PlainValues.ofObject(read("{\"a\":[{\"b\":1}]}"));
        List<Object> list = (List<Object>) values.get("a");
        Map<String, Object> inner = (Map<String, Object>) list.get(0);

        assertThrows(UnsupportedOperationException.class, () -> values.put("x", 1));
        assertThrows(UnsupportedOperationException.class, () -> list.add(1));
        assertThrows(UnsupportedOperationException.class, () -> inner.put("x", 1));
    }

    @Test
    void scalarsAndNodesThatTextNeverProduces() {
        assertEquals("x", PlainValues.of(JsonNodeFactory.instance.textNode("x")));
        assertNull(PlainValues.of(JsonNodeFactory.instance.nullNode()));
        assertNull(PlainValues.of(JsonNodeFactory.instance.missingNode()));
        assertNull(PlainValues.of(JsonNodeFactory.instance.binaryNode(new byte[] {1})));
    }
}
