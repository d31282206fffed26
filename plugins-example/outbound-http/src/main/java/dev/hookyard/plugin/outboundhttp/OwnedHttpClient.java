package dev.hookyard.plugin.outboundhttp;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JDK {@link HttpClient} set up the way a webhook plugin wants it, on threads the plugin owns so that
 * {@link #close()} releases them on Java 17 too ({@code HttpClient.close()} only exists from Java 21).
 * HTTP/1.1 (single request-response calls gain little from HTTP/2, and h2c upgrade requests confuse some proxies),
 * and redirects are never followed: a redirect is a misconfigured URL to surface, and must not carry credentials to
 * another host.
 */
public final class OwnedHttpClient implements AutoCloseable {

    private final ExecutorService executor;
    private final HttpClient client;

    /**
     * @param connectTimeout   how long to wait for a connection
     * @param threadNamePrefix names the client's threads, e.g. {@code hookyard-slack-}
     */
    public OwnedHttpClient(Duration connectTimeout, String threadNamePrefix) {
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, threadNamePrefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    /** The client; thread-safe. */
    public HttpClient client() {
        return client;
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
