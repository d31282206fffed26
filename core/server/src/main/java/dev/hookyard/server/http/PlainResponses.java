package dev.hookyard.server.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Writes the short, fixed plain-text bodies every Hookyard response has. Nothing a sender sent and nothing from an
 * exception is ever echoed, so responses cannot leak expected signatures, secrets or stack traces.
 */
final class PlainResponses {

    /** Encoded once: every response has them, and most have one of a handful of bodies. */
    private static final HttpField CONTENT_TYPE =
            new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
    private static final HttpField NO_STORE = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-store");
    /** Bodies by text, kept for the first few texts seen (the fixed answers come first and most often). */
    private static final Map<String, byte[]> FIXED = new ConcurrentHashMap<>();
    private static final int MAX_FIXED = 64;

    private PlainResponses() {
    }

    static void send(Response response, int status, String text, Callback callback) {
        response.setStatus(status);
        response.getHeaders().put(CONTENT_TYPE);
        response.getHeaders().put(NO_STORE);
        response.write(true, ByteBuffer.wrap(body(text)), callback);
    }

    private static byte[] body(String text) {
        byte[] body = FIXED.get(text);
        if (body == null) {
            body = (text + "\n").getBytes(StandardCharsets.UTF_8);
            if (FIXED.size() < MAX_FIXED) {
                FIXED.putIfAbsent(text, body); // shared safely: Jetty only reads the bytes it is given
            }
        }
        return body;
    }
}
