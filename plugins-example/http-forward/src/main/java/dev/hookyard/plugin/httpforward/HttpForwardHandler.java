package dev.hookyard.plugin.httpforward;

import dev.hookyard.plugin.outboundhttp.OwnedHttpClient;
import dev.hookyard.plugin.outboundhttp.RetryAfterHeader;

import dev.hookyard.spi.Handler;
import dev.hookyard.spi.HandlerContext;
import dev.hookyard.spi.Outcome;
import dev.hookyard.spi.TraceHeaders;
import dev.hookyard.spi.WebhookEvent;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * POSTs each event to the configured URL.
 *
 * <p>Each request carries the trace context of the handler attempt that sends it ({@code traceparent}, see
 * {@link HandlerContext#traceHeaders()}) when the host traces.
 *
 * <p>Answers: 2xx is done. 429 or 503 with a readable {@code Retry-After} is {@link Outcome#retryAfter} with that
 * delay. Everything else (other non-2xx, 4xx included; a timeout; a connection failure) throws
 * {@link ForwardFailedException}, so the host retries with backoff until the handler's retry limit, then dead-letters
 * the event for replay. 4xx is retried too because from a catch hook it usually means a configuration the
 * operator will fix (a revoked Slack webhook, a Zap turned off), and a dropped event could not be replayed.
 *
 * <p>Thread-safe: the JDK {@link HttpClient} is, and nothing else is shared mutable state. A call the host
 * interrupts (cancelled past its timeout) gives up its request with {@link InterruptedException}; the client,
 * shared by all calls, is not affected by it.
 */
final class HttpForwardHandler implements Handler {

    /** Sent with every request, so the receiver can drop the duplicates that at-least-once delivery brings. */
    static final String DELIVERY_KEY_HEADER = "X-Hookyard-Delivery-Key";

    /** 2xx bodies are discarded unread; others are kept for the start of their text. */
    private static final HttpResponse.BodyHandler<InputStream> BODY = info -> isSuccess(info.statusCode())
            ? HttpResponse.BodySubscribers.replacing(InputStream.nullInputStream())
            : HttpResponse.BodySubscribers.ofInputStream();

    private final ForwardSettings settings;
    private final Clock clock;
    private final System.Logger logger;
    private final OwnedHttpClient http;
    private final TraceHeaders traceHeaders;

    HttpForwardHandler(ForwardSettings settings, HandlerContext context) {
        this.settings = settings;
        this.clock = context.clock();
        this.logger = context.logger();
        this.traceHeaders = context.traceHeaders();
        this.http = new OwnedHttpClient(settings.timeout(), "hookyard-" + context.name() + "-");
    }

    @Override
    public Outcome handle(WebhookEvent event) throws IOException, InterruptedException {
        ForwardedBody body = settings.format().render(event);
        HttpResponse<InputStream> response;
        try {
            response = http.client().send(request(event, body), BODY);
        } catch (HttpTimeoutException e) {
            throw new ForwardFailedException("POST to " + settings.url() + " timed out after "
                    + settings.timeout().toSeconds() + "s", e);
        } catch (IOException e) {
            throw new ForwardFailedException("POST to " + settings.url() + " failed: " + describe(e), e);
        }
        return outcome(event, response);
    }

    private HttpRequest request(WebhookEvent event, ForwardedBody body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url().uri())
                .timeout(settings.timeout())
                .header("Content-Type", body.contentType())
                .header(DELIVERY_KEY_HEADER, HeaderTemplate.headerSafe(event.deliveryKey()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        // The handler attempt's trace context (W3C traceparent), so that the target's work joins its trace.
        traceHeaders.current().forEach(request::setHeader);
        // setHeader: a configured Content-Type replaces the format's.
        settings.headers().forEach(header -> request.setHeader(header.name(), header.render(event)));
        settings.signature().ifPresent(signature -> request.setHeader(signature.headerName(),
                signature.sign(body.bytes())));
        return request.build();
    }

    private Outcome outcome(WebhookEvent event, HttpResponse<InputStream> response) throws ForwardFailedException {
        int status = response.statusCode();
        if (isSuccess(status)) {
            logger.log(System.Logger.Level.DEBUG, () -> "forwarded " + event.vendor() + " " + event.type()
                    + " (" + event.deliveryKey() + ") to " + settings.url() + ": " + status);
            return Outcome.done();
        }
        String excerpt = ResponseExcerpt.read(response.body());
        if (status == 429 || status == 503) {
            Optional<Duration> delay = response.headers().firstValue("Retry-After")
                    .flatMap(value -> RetryAfterHeader.delay(value, clock.instant()));
            if (delay.isPresent()) {
                logger.log(System.Logger.Level.INFO, () -> settings.url() + " answered " + status
                        + "; retrying after " + delay.get().toSeconds() + "s");
                return Outcome.retryAfter(delay.get());
            }
        }
        throw new ForwardFailedException("POST to " + settings.url() + " answered " + status
                + (excerpt.isEmpty() ? "" : ": " + excerpt));
    }

    /** Releases the client's threads. */
    @Override
    public void close() {
        http.close();
    }

    private static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": "
                + e.getMessage();
    }
}
