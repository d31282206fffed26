package dev.hookyard.server.http;

import dev.hookyard.server.endpoint.Endpoint;
import dev.hookyard.server.endpoint.EndpointTable;
import dev.hookyard.server.intake.DeliveryIntake;
import dev.hookyard.server.intake.IntakeResult;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Headers;
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
 * The HTTP face of the delivery path: exact-path endpoint lookup (404), POST only (405), body limit (413), then
 * {@link DeliveryIntake} decides 200, 401, 400 or 503. Every answer is a short fixed text.
 */
public final class DeliveryRequestHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger("hookyard.delivery");
    /** What a 503 asks the sender to wait, in seconds: long enough for a disk to be freed or handlers to catch up. */
    private static final String RETRY_AFTER_SECONDS = "30";

    private final EndpointTable endpoints;
    private final DeliveryIntake intake;
    private final Clock clock;

    public DeliveryRequestHandler(EndpointTable endpoints, DeliveryIntake intake, Clock clock) {
        super(InvocationType.BLOCKING);
        this.endpoints = endpoints;
        this.intake = intake;
        this.clock = clock;
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
        long declared = request.getLength();
        if (declared > endpoint.maxBodyBytes()) {
            tooLarge(response, callback);
            return true;
        }
        long started = System.nanoTime();
        BoundedBodyReader.read(request, endpoint.maxBodyBytes(), declared, new BoundedBodyReader.Outcome() {
            @Override
            public void body(byte[] body) {
                respond(endpoint, request, response, callback, body, started);
            }

            @Override
            public void tooLarge() {
                DeliveryRequestHandler.tooLarge(response, callback);
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

    private static void tooLarge(Response response, Callback callback) {
        // The rest of an oversized body is not read; close the connection rather than drain it.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        PlainResponses.send(response, HttpStatus.PAYLOAD_TOO_LARGE_413, "payload too large", callback);
    }

    private static Headers headersOf(Request request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName(), k -> new ArrayList<>(1)).add(field.getValue());
        }
        return Headers.of(headers);
    }
}
