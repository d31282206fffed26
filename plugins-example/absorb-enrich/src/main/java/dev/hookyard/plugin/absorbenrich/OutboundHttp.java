package dev.hookyard.plugin.absorbenrich;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The handler's HTTP client: the JDK's, with the configured timeout on every call, and failures to get an answer
 * turned into {@link CallFailedException}s that name the call. Thread-safe.
 */
final class OutboundHttp implements AutoCloseable {

    private final Duration timeout;
    private final ExecutorService executor;
    private final HttpClient client;

    OutboundHttp(Duration timeout, String threadNamePrefix) {
        this.timeout = timeout;
        AtomicInteger count = new AtomicInteger();
        // Our own executor, so close() can release the client's threads on Java 17 (HttpClient.close() is 21+).
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, threadNamePrefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder()
                // Single request-response calls: HTTP/2 gains little, and h2c upgrade requests confuse some proxies.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                // A redirect is a misconfigured URL to surface, and must not carry credentials to another host.
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    /**
     * Sends the request and reads the whole answer, whatever its status.
     *
     * @param call what is called, for messages (never a secret)
     * @throws CallFailedException if no answer arrived: timeout, connection refused, TLS failure
     */
    HttpAnswer send(HttpRequest.Builder request, String call) throws CallFailedException, InterruptedException {
        try {
            HttpResponse<byte[]> response = client.send(request.timeout(timeout).build(),
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

    /** Releases the client's threads; on Java 21+ also closes the client, which waits for calls in flight. */
    @Override
    public void close() {
        try {
            if (client instanceof AutoCloseable closeable) {
                closeable.close();
            }
        } catch (Exception e) {
            // HttpClient.close() throws nothing checked; AutoCloseable only says it may. Nothing is left to do.
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        } finally {
            executor.shutdown();
        }
    }
}
