package dev.hookyard.vendor.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import dev.hookyard.spi.Secret;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class HmacSha256KeyTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void matchesRfc4231TestCase2() {
        HmacSha256Key key = new HmacSha256Key(Secret.of("Jefe"));

        byte[] mac = key.mac(utf8("what do ya want for nothing?"));

        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                HexFormat.of().formatHex(mac));
        assertEquals(HmacSha256Key.MAC_BYTES, mac.length);
    }

    @Test
    void isKeyedWithTheSecretsUtf8Bytes() throws Exception {
        String secret = "s\u00e9cr\u00e8t-\u20ac-\uD83D\uDD11";
        Mac reference = Mac.getInstance("HmacSHA256");
        reference.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] body = utf8("{\"event\":\"record.created\"}");

        assertArrayEquals(reference.doFinal(body), new HmacSha256Key(Secret.of(secret)).mac(body));
    }

    @Test
    void callsDoNotShareState() {
        HmacSha256Key key = new HmacSha256Key(Secret.of("rotation-secret"));
        byte[] first = key.mac(utf8("body one"));

        key.mac(utf8("body two"));
        byte[] again = key.mac(utf8("body one"));

        assertArrayEquals(first, again);
        assertNotSame(first, again);
    }

    @Test
    void anEmptyBodyHasAMac() throws Exception {
        Mac reference = Mac.getInstance("HmacSHA256");
        reference.init(new SecretKeySpec(utf8("key"), "HmacSHA256"));

        assertArrayEquals(reference.doFinal(new byte[0]), new HmacSha256Key(Secret.of("key")).mac(new byte[0]));
    }

    @Test
    void concurrentCallsAgree() throws Exception {
        HmacSha256Key key = new HmacSha256Key(Secret.of("shared-by-threads"));
        byte[] body = utf8("x".repeat(10_000));
        byte[] expected = key.mac(body);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<byte[]>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                calls.add(() -> key.mac(body));
            }
            for (Future<byte[]> result : pool.invokeAll(calls)) {
                assertArrayEquals(expected, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
