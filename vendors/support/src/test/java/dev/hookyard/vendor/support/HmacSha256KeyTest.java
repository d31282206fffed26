package dev.hookyard.vendor.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    @Test
    void aRawKeyMatchesRfc4231TestCase1() {
        byte[] key = new byte[20];
        java.util.Arrays.fill(key, (byte) 0x0b);

        assertEquals("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
                HexFormat.of().formatHex(HmacSha256Key.ofRawKey(key).mac(utf8("Hi There"))));
    }

    @Test
    void aRawKeyIsCopied() {
        byte[] key = utf8("Jefe");
        HmacSha256Key raw = HmacSha256Key.ofRawKey(key);
        key[0] = 'X';

        assertArrayEquals(new HmacSha256Key(Secret.of("Jefe")).mac(utf8("body")), raw.mac(utf8("body")));
    }

    @Test
    void anEmptyRawKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> HmacSha256Key.ofRawKey(new byte[0]));
    }

    @Test
    void aPrefixAndABodyAreMacedAsOneMessage() {
        HmacSha256Key key = new HmacSha256Key(Secret.of("Jefe"));

        assertArrayEquals(key.mac(utf8("what do ya want for nothing?")),
                key.mac(utf8("what do ya "), utf8("want for nothing?")));
        assertArrayEquals(key.mac(utf8("body")), key.mac(new byte[0], utf8("body")));
    }
}
