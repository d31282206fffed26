package dev.hookyard.server.http;

import dev.hookyard.server.endpoint.Endpoint;
import dev.hookyard.server.endpoint.EndpointAdmissions;
import dev.hookyard.server.intake.DeliveryIntake;
import dev.hookyard.server.activity.IntakeActivity;
import dev.hookyard.server.intake.IntakeResult;
import dev.hookyard.server.logging.ThrottledWarnings;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Headers;
import dev.hookyard.server.http.RejectionCounters.Reason;
import dev.hookyard.server.metrics.ServerMetrics;
import dev.hookyard.server.metrics.ServerMetrics.EndpointMeters;
import dev.hookyard.server.tracing.DeliveryTrace;
import dev.hookyard.server.tracing.Tracing;
import dev.hookyard.server.pipeline.LivePipeline;
import dev.hookyard.server.pipeline.ServingPipeline;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of the delivery path: exact-path endpoint lookup (404), POST only (405), then the checks that cost
 * nothing but the headers: client address allowed (403), per-source rate limit (429 with Retry-After), header count
 * (431) and declared body size (413); then the body is read within its size limit (413) and time limit (408), and
 * {@link DeliveryIntake} decides 200, 401, 400 or 503. Every answer is a short fixed text; every refusal by a limit
 * or access rule is counted in {@link RejectionCounters}. Each request takes the {@link LivePipeline live pipeline}
 * once, when it starts, and is served to the end by that pipeline's endpoint, rules and routes, whatever a reload
 * swaps in meanwhile.
 */
public final class DeliveryRequestHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger("hookyard.delivery");
    /** What a 503 asks the sender to wait, in seconds: long enough for a disk to be freed or handlers to catch up. */
    private static final String RETRY_AFTER_SECONDS = "30";
    /** Refused deliveries logged per endpoint and reason each second; the rest are counted in the next line. */
    private static final int REFUSAL_LINES_PER_SECOND = 5;

    private final LivePipeline pipeline;
    private final DeliveryIntake intake;
    private final Clock clock;
    private final SourceAddress sources;
    private final RejectionCounters rejections;
    private final ServerMetrics metrics;
    private final IntakeActivity activity;
    private final Tracing tracing;
    private final ThrottledWarnings refusals =
            new ThrottledWarnings(LOG, Duration.ofSeconds(1), REFUSAL_LINES_PER_SECOND, System::nanoTime);

    /**
     * @param pipeline   the endpoints, their access rules and the routes, swapped by reloads
     * @param rejections counts and logs refusals by limits and access rules
     * @param metrics    where requests, verification rejections and parse failures are counted
     * @param activity   told of every accepted delivery and every refusal (the console's counts and live tail)
     * @param tracing    traces each request that reaches an endpoint ({@link Tracing#OFF}: nothing at all)
     */
    public DeliveryRequestHandler(LivePipeline pipeline, DeliveryIntake intake, Clock clock, SourceAddress sources,
                                  RejectionCounters rejections, ServerMetrics metrics, IntakeActivity activity,
                                  Tracing tracing) {
        super(InvocationType.NON_BLOCKING);
        this.pipeline = pipeline;
        this.intake = intake;
        this.clock = clock;
        this.sources = sources;
        this.rejections = rejections;
        this.metrics = metrics;
        this.activity = activity;
        this.tracing = tracing;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        ServingPipeline serving = pipeline.current();
        Optional<Endpoint> found = serving.endpoints().byPath(path);
        if (found.isEmpty()) {
            metrics.endpoint(ServerMetrics.NO_ENDPOINT).answered(HttpStatus.NOT_FOUND_404);
            PlainResponses.send(response, HttpStatus.NOT_FOUND_404, "not found", callback);
            return true;
        }
        Endpoint endpoint = found.get();
        DeliveryTrace trace = tracing.receive(endpoint.name(), endpoint.vendorId());
        Callback answered = traced(trace, response, callback);
        EndpointMeters meters = metrics.endpoint(endpoint.name());
        if (!HttpMethod.POST.is(request.getMethod())) {
            meters.answered(HttpStatus.METHOD_NOT_ALLOWED_405);
            response.getHeaders().put(HttpHeader.ALLOW, "POST");
            PlainResponses.send(response, HttpStatus.METHOD_NOT_ALLOWED_405, "method not allowed", answered);
            return true;
        }
        EndpointAdmissions.Rules rules = serving.admissions().of(endpoint.name());
        if (!admit(endpoint, trace, meters, rules, request, response, answered)) {
            return true;
        }
        long declared = request.getLength();
        if (declared > endpoint.maxBodyBytes()) {
            tooLarge(endpoint, trace, meters, request, response, answered);
            return true;
        }
        BoundedBodyReader.read(request, endpoint.maxBodyBytes(), declared, request.getComponents().getScheduler(),
                rules.bodyTimeout(), new BoundedBodyReader.Outcome() {
            @Override
            public void body(byte[] body) {
                respond(serving, endpoint, trace, meters, request, response, answered, body);
            }

            @Override
            public void tooLarge() {
                DeliveryRequestHandler.this.tooLarge(endpoint, trace, meters, request, response, answered);
            }

            @Override
            public void timedOut() {
                refused(trace, Reason.BODY_TIMEOUT, endpoint, request, refusal(request, HttpStatus.REQUEST_TIMEOUT_408)
                        + " timeout=" + rules.bodyTimeout().toMillis() + "ms");
                requestTimeout(meters, response, answered);
            }

            @Override
            public void idle() {
                refused(trace, Reason.IDLE_TIMEOUT, endpoint, request, refusal(request, HttpStatus.REQUEST_TIMEOUT_408)
                        + " (sender silent mid-body)");
                requestTimeout(meters, response, answered);
            }

            @Override
            public void failed(Throwable failure) {
                onReadFailure(endpoint, meters, response, answered, failure);
            }
        });
        return true;
    }

    /**
     * Answers a delivery whose body was read, with one log line: INFO when it is accepted or a duplicate, WARN
     * (at most a few a second per endpoint and reason) when it is refused. Every line has the status and the
     * latency since the request began; none has a header value (credentials and signatures stay out of logs).
     * Refusals are answered at once; a delivery being stored is answered from the store's acknowledging thread once
     * its transaction has committed, so no request thread waits for the disk.
     */
    private void respond(ServingPipeline serving, Endpoint endpoint, DeliveryTrace trace, EndpointMeters meters,
                         Request request, Response response, Callback callback, byte[] body) {
        CompletableFuture<IntakeResult> decided;
        try {
            Delivery delivery = new Delivery(endpoint.name(), headersOf(request), body, clock.instant());
            decided = intake.acceptAsync(serving.routes(), endpoint, delivery, trace);
        } catch (RuntimeException e) {
            failed(endpoint, meters, request, response, callback, e);
            return;
        }
        decided.whenComplete((result, failure) -> {
            if (failure != null) {
                failed(endpoint, meters, request, response, callback, failure);
            } else {
                answer(endpoint, trace, meters, request, response, callback, result);
            }
        });
    }

    /** A vendor module or the store broke its contract; the sender retries later, nothing was accepted. */
    private void failed(Endpoint endpoint, EndpointMeters meters, Request request, Response response,
                        Callback callback, Throwable failure) {
        meters.answered(HttpStatus.INTERNAL_SERVER_ERROR_500);
        LOG.error("failed endpoint={} vendor={} status=500 micros={}", endpoint.name(), endpoint.vendorId(),
                micros(request), failure);
        PlainResponses.send(response, HttpStatus.INTERNAL_SERVER_ERROR_500, "internal error", callback);
    }

    private void answer(Endpoint endpoint, DeliveryTrace trace, EndpointMeters meters, Request request,
                        Response response, Callback callback, IntakeResult result) {
        if (result instanceof IntakeResult.Accepted a) {
            meters.answered(HttpStatus.OK_200);
            metrics.intakeLatency().record(System.nanoTime() - request.getBeginNanoTime(), TimeUnit.NANOSECONDS);
            activity.accepted(endpoint.name(), endpoint.vendorId(), a.eventType(), a.deliveryId(), a.handlers());
            LOG.info("accepted endpoint={} vendor={} type={} key={} id={} handlers={} status=200 micros={}",
                    endpoint.name(), endpoint.vendorId(), a.eventType(), a.deliveryKey(), a.deliveryId(), a.handlers(),
                    micros(request));
            PlainResponses.send(response, HttpStatus.OK_200, "accepted", callback);
        } else if (result instanceof IntakeResult.Duplicate d) {
            meters.duplicate();
            meters.answered(HttpStatus.OK_200);
            LOG.info("duplicate endpoint={} vendor={} type={} key={} id={} status=200 micros={}", endpoint.name(),
                    endpoint.vendorId(), d.eventType(), d.deliveryKey(), d.deliveryId(), micros(request));
            PlainResponses.send(response, HttpStatus.OK_200, "duplicate", callback);
        } else if (result instanceof IntakeResult.Rejected r) {
            String reason = r.reason().code();
            trace.refused(reason);
            meters.rejected(reason);
            activity.refused(endpoint.name(), reason, () -> sources.of(request));
            meters.answered(HttpStatus.UNAUTHORIZED_401);
            refusals.warn(endpoint.name() + " " + reason,
                    "rejected endpoint={} vendor={} reason={} status=401 micros={} detail={}", endpoint.name(),
                    endpoint.vendorId(), reason, micros(request), r.detail());
            PlainResponses.send(response, HttpStatus.UNAUTHORIZED_401, "unauthorized", callback);
        } else if (result instanceof IntakeResult.Malformed m) {
            meters.parseFailed();
            meters.answered(HttpStatus.BAD_REQUEST_400);
            refusals.warn(endpoint.name() + " malformed", "malformed endpoint={} vendor={} status=400 micros={}"
                    + " reason={}", endpoint.name(), endpoint.vendorId(), micros(request), m.reason());
            PlainResponses.send(response, HttpStatus.BAD_REQUEST_400, "bad request: " + m.reason(), callback);
        } else if (result instanceof IntakeResult.Unavailable u) {
            // The store logs its own failure at ERROR (rate-limited); this line is the answer to one sender.
            trace.refused(ServerMetrics.STORE_UNAVAILABLE);
            meters.rejected(ServerMetrics.STORE_UNAVAILABLE);
            activity.refused(endpoint.name(), ServerMetrics.STORE_UNAVAILABLE, () -> sources.of(request));
            meters.answered(HttpStatus.SERVICE_UNAVAILABLE_503);
            refusals.warn(endpoint.name() + " " + ServerMetrics.STORE_UNAVAILABLE,
                    "unavailable endpoint={} vendor={} reason={} status=503 micros={} detail={}", endpoint.name(),
                    endpoint.vendorId(), ServerMetrics.STORE_UNAVAILABLE, micros(request), u.detail());
            response.getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
            PlainResponses.send(response, HttpStatus.SERVICE_UNAVAILABLE_503, "unavailable, retry later", callback);
        } else if (result instanceof IntakeResult.Backlogged b) {
            meters.answered(HttpStatus.SERVICE_UNAVAILABLE_503);
            refused(trace, Reason.BACKLOG_FULL, endpoint, request, refusal(request,
                    HttpStatus.SERVICE_UNAVAILABLE_503) + " backlog=" + b.backlog() + " limit=" + b.limit());
            response.getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
            PlainResponses.send(response, HttpStatus.SERVICE_UNAVAILABLE_503, "unavailable, retry later", callback);
        }
    }

    /** Counts and logs a refusal by a limit or an access rule, and reports it to the console. */
    private void refused(DeliveryTrace trace, Reason reason, Endpoint endpoint, Request request, String detail) {
        trace.refused(reason.code());
        rejections.record(reason, endpoint.name(), detail);
        activity.refused(endpoint.name(), reason.code(), () -> sources.of(request));
    }

    /** Microseconds since the request began (its first byte was read). */
    private static long micros(Request request) {
        return (System.nanoTime() - request.getBeginNanoTime()) / 1000;
    }

    /** The status and latency of a refusal's log line. */
    private static String refusal(Request request, int status) {
        return "status=" + status + " micros=" + micros(request);
    }

    private void onReadFailure(Endpoint endpoint, EndpointMeters meters, Response response, Callback callback,
                               Throwable failure) {
        // Usually the sender went away or timed out mid-body; nothing was accepted, so nothing is lost.
        LOG.debug("Reading a delivery to {} failed: {}", endpoint.name(), failure.toString());
        if (response.isCommitted()) {
            callback.failed(failure);
        } else {
            meters.answered(HttpStatus.BAD_REQUEST_400);
            PlainResponses.send(response, HttpStatus.BAD_REQUEST_400, "bad request: body could not be read",
                    callback);
        }
    }

    /**
     * The checks made before any of the body is read; false once a refusal is sent. A refused request's body is
     * never read: the connection is closed after the answer rather than drained.
     */
    private boolean admit(Endpoint endpoint, DeliveryTrace trace, EndpointMeters meters,
                          EndpointAdmissions.Rules rules, Request request, Response response, Callback callback) {
        InetAddress client = sources.of(request);
        if (!rules.allow().allows(client)) {
            refused(trace, Reason.NOT_ALLOWED, endpoint, request, refusal(request, HttpStatus.FORBIDDEN_403)
                    + " client=" + text(client));
            refuse(meters, response, HttpStatus.FORBIDDEN_403, "forbidden", callback);
            return false;
        }
        if (rules.rateLimiter() != null) {
            long retryAfter = rules.rateLimiter().acquire(client);
            if (retryAfter > 0) {
                refused(trace, Reason.RATE_LIMITED, endpoint, request,
                        refusal(request, HttpStatus.TOO_MANY_REQUESTS_429) + " client=" + text(client));
                response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(retryAfter));
                refuse(meters, response, HttpStatus.TOO_MANY_REQUESTS_429, "too many requests", callback);
                return false;
            }
        }
        int headerCount = request.getHeaders().size();
        if (headerCount > rules.maxHeaderCount()) {
            refused(trace, Reason.TOO_MANY_HEADERS, endpoint, request,
                    refusal(request, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431) + " headers=" + headerCount
                            + " limit=" + rules.maxHeaderCount());
            refuse(meters, response, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431,
                    "request header fields too large", callback);
            return false;
        }
        return true;
    }

    /** Counts and logs a refusal by a limit or access rule, and gives its reason to the request's trace. */
    /**
     * The callback that ends the request's receive span with the status sent, once the answer is written (or could
     * not be); the callback itself when the request is not traced, so that tracing off adds nothing.
     */
    private static Callback traced(DeliveryTrace trace, Response response, Callback callback) {
        if (trace == DeliveryTrace.NONE) {
            return callback;
        }
        return Callback.from(callback, () -> trace.end(response.getStatus()));
    }

    private static String text(InetAddress client) {
        return client == null ? "unknown" : client.getHostAddress();
    }

    private static void refuse(EndpointMeters meters, Response response, int status, String text, Callback callback) {
        meters.answered(status);
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        PlainResponses.send(response, status, text, callback);
    }

    private void tooLarge(Endpoint endpoint, DeliveryTrace trace, EndpointMeters meters, Request request,
                          Response response, Callback callback) {
        refused(trace, Reason.BODY_TOO_LARGE, endpoint, request, refusal(request, HttpStatus.PAYLOAD_TOO_LARGE_413)
                + " limit=" + endpoint.maxBodyBytes());
        // The rest of an oversized body is not read; close the connection rather than drain it.
        refuse(meters, response, HttpStatus.PAYLOAD_TOO_LARGE_413, "payload too large", callback);
    }

    /** 408, closing the connection: what is left of the body is never read. */
    private static void requestTimeout(EndpointMeters meters, Response response, Callback callback) {
        if (response.isCommitted()) {
            meters.answered(HttpStatus.REQUEST_TIMEOUT_408);
            callback.failed(new java.util.concurrent.TimeoutException("body not received in time"));
            return;
        }
        refuse(meters, response, HttpStatus.REQUEST_TIMEOUT_408, "request timeout", callback);
    }

    private static Headers headersOf(Request request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName(), k -> new ArrayList<>(1)).add(field.getValue());
        }
        return Headers.of(headers);
    }
}
