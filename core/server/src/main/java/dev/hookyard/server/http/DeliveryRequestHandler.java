package dev.hookyard.server.http;

import dev.hookyard.server.endpoint.Endpoint;
import dev.hookyard.server.endpoint.EndpointTable;
import dev.hookyard.server.intake.DeliveryIntake;
import dev.hookyard.server.intake.IntakeResult;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Headers;
import dev.hookyard.server.http.RejectionCounters.Reason;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * or access rule is counted in {@link RejectionCounters}.
 */
public final class DeliveryRequestHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger("hookyard.delivery");
    /** What a 503 asks the sender to wait, in seconds: long enough for a disk to be freed or handlers to catch up. */
    private static final String RETRY_AFTER_SECONDS = "30";

    private final EndpointTable endpoints;
    private final DeliveryIntake intake;
    private final Clock clock;
    private final EndpointAdmissions admissions;
    private final SourceAddress sources;
    private final RejectionCounters rejections;

    /** Everyone may call every endpoint, with the default limits; refusals are counted in a private counter. */
    public DeliveryRequestHandler(EndpointTable endpoints, DeliveryIntake intake, Clock clock) {
        this(endpoints, intake, clock, new EndpointAdmissions(java.util.List.of(), clock),
                new SourceAddress(java.util.List.of()), new RejectionCounters());
    }

    public DeliveryRequestHandler(EndpointTable endpoints, DeliveryIntake intake, Clock clock,
                                  EndpointAdmissions admissions, SourceAddress sources, RejectionCounters rejections) {
        super(InvocationType.BLOCKING);
        this.endpoints = endpoints;
        this.intake = intake;
        this.clock = clock;
        this.admissions = admissions;
        this.sources = sources;
        this.rejections = rejections;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        Optional<Endpoint> found = endpoints.byPath(path);
        if (found.isEmpty()) {
            PlainResponses.send(response, HttpStatus.NOT_FOUND_404, "not found", callback);
            return true;
        }
        Endpoint endpoint = found.get();
        if (!HttpMethod.POST.is(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "POST");
            PlainResponses.send(response, HttpStatus.METHOD_NOT_ALLOWED_405, "method not allowed", callback);
            return true;
        }
        EndpointAdmissions.Rules rules = admissions.of(endpoint.name());
        if (!admit(endpoint, rules, request, response, callback)) {
            return true;
        }
        long declared = request.getLength();
        if (declared > endpoint.maxBodyBytes()) {
            tooLarge(endpoint, response, callback);
            return true;
        }
        long started = System.nanoTime();
        BoundedBodyReader.read(request, endpoint.maxBodyBytes(), declared, request.getComponents().getScheduler(),
                rules.bodyTimeout(), new BoundedBodyReader.Outcome() {
            @Override
            public void body(byte[] body) {
                respond(endpoint, request, response, callback, body, started);
            }

            @Override
            public void tooLarge() {
                DeliveryRequestHandler.this.tooLarge(endpoint, response, callback);
            }

            @Override
            public void timedOut() {
                rejections.record(Reason.BODY_TIMEOUT, "endpoint=" + endpoint.name() + " timeout="
                        + rules.bodyTimeout().toMillis() + "ms");
                requestTimeout(response, callback);
            }

            @Override
            public void idle() {
                rejections.record(Reason.IDLE_TIMEOUT, "endpoint=" + endpoint.name() + " (sender silent mid-body)");
                requestTimeout(response, callback);
            }

            @Override
            public void failed(Throwable failure) {
                onReadFailure(endpoint, response, callback, failure);
            }
        });
        return true;
    }

    private void respond(Endpoint endpoint, Request request, Response response, Callback callback, byte[] body,
                         long started) {
        Delivery delivery;
        IntakeResult result;
        try {
            delivery = new Delivery(endpoint.name(), headersOf(request), body, clock.instant());
            result = intake.accept(endpoint, delivery);
        } catch (RuntimeException e) {
            // A vendor module or the store broke its contract; the sender retries later, nothing was accepted.
            LOG.error("Delivery to endpoint {} failed unexpectedly", endpoint.name(), e);
            PlainResponses.send(response, HttpStatus.INTERNAL_SERVER_ERROR_500, "internal error", callback);
            return;
        }
        long micros = (System.nanoTime() - started) / 1000;
        if (result instanceof IntakeResult.Accepted a) {
            LOG.info("accepted endpoint={} vendor={} type={} key={} id={} handlers={} micros={}", endpoint.name(),
                    endpoint.vendorId(), a.eventType(), a.deliveryKey(), a.deliveryId(), a.handlers(), micros);
            PlainResponses.send(response, HttpStatus.OK_200, "accepted", callback);
        } else if (result instanceof IntakeResult.Duplicate d) {
            LOG.info("duplicate endpoint={} vendor={} type={} key={} id={} micros={}", endpoint.name(),
                    endpoint.vendorId(), d.eventType(), d.deliveryKey(), d.deliveryId(), micros);
            PlainResponses.send(response, HttpStatus.OK_200, "duplicate", callback);
        } else if (result instanceof IntakeResult.Rejected r) {
            LOG.warn("rejected endpoint={} vendor={} reason={} detail={}", endpoint.name(), endpoint.vendorId(),
                    r.reason().code(), r.detail());
            PlainResponses.send(response, HttpStatus.UNAUTHORIZED_401, "unauthorized", callback);
        } else if (result instanceof IntakeResult.Malformed m) {
            LOG.warn("malformed endpoint={} vendor={} reason={}", endpoint.name(), endpoint.vendorId(), m.reason());
            PlainResponses.send(response, HttpStatus.BAD_REQUEST_400, "bad request: " + m.reason(), callback);
        } else if (result instanceof IntakeResult.Unavailable u) {
            LOG.error("unavailable endpoint={} vendor={} detail={}", endpoint.name(), endpoint.vendorId(),
                    u.detail());
            response.getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
            PlainResponses.send(response, HttpStatus.SERVICE_UNAVAILABLE_503, "unavailable, retry later", callback);
        } else if (result instanceof IntakeResult.Backlogged b) {
            LOG.debug("backlogged endpoint={} vendor={} backlog={} limit={}", endpoint.name(), endpoint.vendorId(),
                    b.backlog(), b.limit());
            response.getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
            PlainResponses.send(response, HttpStatus.SERVICE_UNAVAILABLE_503, "unavailable, retry later", callback);
        }
    }

    private void onReadFailure(Endpoint endpoint, Response response, Callback callback, Throwable failure) {
        // Usually the sender went away or timed out mid-body; nothing was accepted, so nothing is lost.
        LOG.debug("Reading a delivery to {} failed: {}", endpoint.name(), failure.toString());
        if (response.isCommitted()) {
            callback.failed(failure);
        } else {
            PlainResponses.send(response, HttpStatus.BAD_REQUEST_400, "bad request: body could not be read",
                    callback);
        }
    }

    /**
     * The checks made before any of the body is read; false once a refusal is sent. A refused request's body is
     * never read: the connection is closed after the answer rather than drained.
     */
    private boolean admit(Endpoint endpoint, EndpointAdmissions.Rules rules, Request request, Response response,
                          Callback callback) {
        InetAddress client = sources.of(request);
        if (!rules.allow().allows(client)) {
            rejections.record(Reason.NOT_ALLOWED, "endpoint=" + endpoint.name() + " client=" + text(client));
            refuse(response, HttpStatus.FORBIDDEN_403, "forbidden", callback);
            return false;
        }
        if (rules.rateLimiter() != null) {
            long retryAfter = rules.rateLimiter().acquire(client);
            if (retryAfter > 0) {
                rejections.record(Reason.RATE_LIMITED, "endpoint=" + endpoint.name() + " client=" + text(client));
                response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(retryAfter));
                refuse(response, HttpStatus.TOO_MANY_REQUESTS_429, "too many requests", callback);
                return false;
            }
        }
        int headerCount = request.getHeaders().size();
        if (headerCount > rules.maxHeaderCount()) {
            rejections.record(Reason.TOO_MANY_HEADERS, "endpoint=" + endpoint.name() + " headers=" + headerCount
                    + " limit=" + rules.maxHeaderCount());
            refuse(response, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431, "request header fields too large",
                    callback);
            return false;
        }
        return true;
    }

    private static String text(InetAddress client) {
        return client == null ? "unknown" : client.getHostAddress();
    }

    private static void refuse(Response response, int status, String text, Callback callback) {
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        PlainResponses.send(response, status, text, callback);
    }

    private void tooLarge(Endpoint endpoint, Response response, Callback callback) {
        rejections.record(Reason.BODY_TOO_LARGE, "endpoint=" + endpoint.name() + " limit=" + endpoint.maxBodyBytes());
        // The rest of an oversized body is not read; close the connection rather than drain it.
        refuse(response, HttpStatus.PAYLOAD_TOO_LARGE_413, "payload too large", callback);
    }

    /** 408, closing the connection: what is left of the body is never read. */
    private static void requestTimeout(Response response, Callback callback) {
        if (response.isCommitted()) {
            callback.failed(new java.util.concurrent.TimeoutException("body not received in time"));
            return;
        }
        refuse(response, HttpStatus.REQUEST_TIMEOUT_408, "request timeout", callback);
    }

    private static Headers headersOf(Request request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName(), k -> new ArrayList<>(1)).add(field.getValue());
        }
        return Headers.of(headers);
    }
}
