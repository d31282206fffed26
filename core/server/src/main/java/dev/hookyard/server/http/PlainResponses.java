package dev.hookyard.server.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Writes the short, fixed plain-text bodies every Hookyard response has. Nothing a sender sent and nothing from an
 * exception is ever echoed, so responses cannot leak expected signatures, secrets or stack traces.
 */
final class PlainResponses {

    private PlainResponses() {
    }

    static void send(Response response, int status, String text, Callback callback) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap((text + "\n").getBytes(StandardCharsets.UTF_8)), callback);
    }
}
