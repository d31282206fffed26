package dev.hookyard.server.console;

import dev.hookyard.server.config.EndpointConfig;
import dev.hookyard.server.config.KeyringEntry;
import dev.hookyard.server.endpoint.Endpoint;
import dev.hookyard.spi.EventType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Sends a catalog sample to an endpoint of this receiver, signed on the server with the endpoint's first active
 * secret by the endpoint's own vendor (its options included), as {@code hookyard send} would: the secret never leaves
 * the server, and the delivery takes the whole real path (listener, limits, verification, store, routes).
 */
final class TestDeliverySender {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int SHOWN_ANSWER = 200;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Clock clock;

    TestDeliverySender(Clock clock) {
        this.clock = clock;
    }

    /** What became of one test delivery. */
    sealed interface Result {
        /** The receiver answered (any status). */
        record Answered(int status, String body, String signedHeaders) implements Result {
        }

        /** It could not be signed or sent; the reason names no secret. */
        record Failed(String reason) implements Result {
        }
    }

    Result send(Endpoint endpoint, EndpointConfig config, EventType type, URI receiver) {
        Optional<KeyringEntry> secret = config.keyring().stream().filter(e -> e.activeAt(clock.instant()))
                .findFirst();
        if (secret.isEmpty()) {
            return new Result.Failed("endpoint " + endpoint.name() + " has no active secret to sign with");
        }
        byte[] body = type.sampleBody().getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers;
        try {
            headers = endpoint.vendor().signer().sign(body, secret.get().secret());
        } catch (IllegalArgumentException e) {
            return new Result.Failed("cannot sign with the endpoint's secret: " + e.getMessage());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(receiver.resolve(endpoint.path()))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = answer.body() == null ? "" : answer.body().strip();
            return new Result.Answered(answer.statusCode(),
                    text.length() > SHOWN_ANSWER ? text.substring(0, SHOWN_ANSWER) + "…" : text,
                    String.join(", ", headers.keySet()));
        } catch (IOException e) {
            return new Result.Failed("the receiver at " + receiver + " did not answer: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result.Failed("interrupted");
        }
    }
}
