package dev.hookyard.plugin.absorbenrich;

import dev.hookyard.plugin.outboundhttp.OwnedHttpClient;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * The handler's HTTP client: the JDK's, with the configured timeout on every call, and failures to get an answer
 * turned into {@link CallFailedException}s that name the call. Thread-safe.
 */
final class OutboundHttp implements AutoCloseable {

    private final Duration timeout;
    private final OwnedHttpClient http;

    OutboundHttp(Duration timeout, String threadNamePrefix) {
        this.timeout = timeout;
        this.http = new OwnedHttpClient(timeout, threadNamePrefix);
    }

    /**
     * Sends the request and reads the whole answer, whatever its status.
     *
     * @param call what is called, for messages (never a secret)
     * @throws CallFailedException if no answer arrived: timeout, connection refused, TLS failure
     */
    HttpAnswer send(HttpRequest.Builder request, String call) throws CallFailedException, InterruptedException {
        try {
            HttpResponse<byte[]> response = http.client().send(request.timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new HttpAnswer(response.statusCode(), response.body(),
                    response.headers().firstValue("Retry-After"));
        } catch (HttpTimeoutException e) {
            throw new CallFailedException(call + " timed out after " + timeout.toSeconds() + "s", e);
        } catch (IOException e) {
            throw new CallFailedException(call + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
    }

    /** Releases the client's threads. */
    @Override
    public void close() {
        http.close();
    }
}
