package dev.hookyard.server.management;

import static dev.hookyard.server.management.ManagementInput.flag;
import static dev.hookyard.server.management.ManagementInput.jsonBody;
import static dev.hookyard.server.management.ManagementInput.query;
import static dev.hookyard.server.management.ManagementInput.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookyard.server.inspect.BadArgumentException;
import dev.hookyard.server.inspect.DeliveryJson;
import dev.hookyard.server.inspect.DeliveryReplay;
import dev.hookyard.server.inspect.FilterArguments;
import dev.hookyard.server.inspect.Retention;
import dev.hookyard.server.inspect.RoutingJson;
import dev.hookyard.server.inspect.TimeArguments;
import dev.hookyard.server.reload.ReloadOutcome;
import dev.hookyard.server.store.DeliveryQueries;
import dev.hookyard.server.store.StoreUnavailableException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management API, one entry point for every request (access check first, then the route):
 * <pre>
 * GET  /health/live                       200 while the process runs
 * GET  /health/ready                      200 when the store commits, plugins loaded, listener up; else 503
 * GET  /metrics                           Prometheus text format (hookyard_* and jvm_* series)
 * GET  /deliveries?endpoint=&amp;vendor=&amp;type=&amp;status=&amp;since=&amp;until=&amp;limit=&amp;after=&amp;handler=
 *                  &amp;handlerStatus=&amp;key=&amp;order=newest|oldest
 * GET  /deliveries/{id}                  with "routing": each route's decision now, and why not
 * POST /deliveries/{id}/replay[?handler=]
 * POST /replay   {"endpoint","vendor","type","status","since","until","key","handler","handlerStatus","dryRun"}
 * POST /purge    {"olderThan","includePending","dryRun"}
 * POST /reload                            reads the configuration file again: 200 applied, 422 refused
 * </pre>
 * Every request but {@code /health/live} passes {@link ManagementAccess} first (401 without the token, when one is
 * configured). Answers are JSON except {@code /metrics}; bad input is 400 naming the parameter, an unknown path
 * 404, a wrong method 405. Input must say one thing ({@link ManagementInput}, {@link ManagementPath}): the bulk
 * operations need a body, no field or parameter may be given twice, and an id is plain ASCII digits. Nothing a
 * caller sent is echoed beyond the short value quoted in a 400, and no secret is ever shown (the store masks
 * credential headers before storing them).
 */
public final class ManagementHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(ManagementHandler.class);
    private static final Set<String> LIST_PARAMETERS =
            Set.of("endpoint", "vendor", "type", "status", "since", "until", "limit", "after", "handler", "handlerStatus",
                    "key", "order");
    private static final Set<String> REPLAY_FIELDS =
            Set.of("endpoint", "vendor", "type", "status", "since", "until", "handler", "handlerStatus", "key", "dryRun");
    private static final Set<String> PURGE_FIELDS = Set.of("olderThan", "includePending", "dryRun");

    private final ManagementAccess access;
    private final DeliveryQueries queries;
    private final DeliveryReplay replay;
    private final Retention retention;
    private final Readiness readiness;
    private final Duration defaultRetention;
    private final Clock clock;
    private final Supplier<String> metrics;
    private final Supplier<ReloadOutcome> reload;

    /**
     * @param defaultRetention the age {@code POST /purge} uses when the body names none
     * @param metrics          the Prometheus text of every meter, produced per scrape
     * @param reload           reloads the configuration file (waiting for a reload under way to finish first)
     */
    public ManagementHandler(ManagementAccess access, DeliveryQueries queries, DeliveryReplay replay,
                             Retention retention, Readiness readiness, Duration defaultRetention, Clock clock,
                             Supplier<String> metrics, Supplier<ReloadOutcome> reload) {
        super(InvocationType.BLOCKING);
        this.access = access;
        this.queries = queries;
        this.replay = replay;
        this.retention = retention;
        this.readiness = readiness;
        this.defaultRetention = defaultRetention;
        this.clock = clock;
        this.metrics = metrics;
        this.reload = reload;
    }

    /** An answer: status, JSON body, and for 405 the allowed methods. */
    private record Answer(int status, ObjectNode body, String allow) {
        static Answer ok(ObjectNode body) {
            return new Answer(HttpStatus.OK_200, body, null);
        }

        static Answer error(int status, String message) {
            ObjectNode body = DeliveryJson.MAPPER.createObjectNode().put("error", message);
            return new Answer(status, body, null);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Answer answer;
        try {
            Optional<ManagementAccess.Denial> denied = access.check(request);
            if (denied.isEmpty() && isMetrics(request)) {
                if (HttpMethod.GET.is(request.getMethod())) {
                    sendMetrics(response, callback);
                    return true;
                }
                answer = notAllowed("GET");
            } else {
                answer = denied.isPresent() ? Answer.error(denied.get().status(), denied.get().reason())
                        : route(request);
            }
        } catch (BadArgumentException e) {
            ObjectNode body = DeliveryJson.MAPPER.createObjectNode().put("error", e.getMessage())
                    .put("parameter", e.parameter());
            answer = new Answer(HttpStatus.BAD_REQUEST_400, body, null);
        } catch (DeliveryReplay.UnknownHandlerException e) {
            ObjectNode body = DeliveryJson.MAPPER.createObjectNode().put("error", "handler: " + e.getMessage())
                    .put("parameter", "handler");
            answer = new Answer(HttpStatus.BAD_REQUEST_400, body, null);
        } catch (StoreUnavailableException e) {
            LOG.warn("Management request {} {} failed: {}", request.getMethod(), Request.getPathInContext(request),
                    e.getMessage());
            answer = Answer.error(HttpStatus.SERVICE_UNAVAILABLE_503, "store unavailable: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Management request {} {} failed", request.getMethod(), Request.getPathInContext(request), e);
            answer = Answer.error(HttpStatus.INTERNAL_SERVER_ERROR_500, "internal error");
        }
        send(response, answer, callback);
        return true;
    }

    private static boolean isMetrics(Request request) {
        return ManagementPath.segments(request).equals(List.of("metrics"));
    }

    /** The Prometheus text exposition format, version 0.0.4. */
    private void sendMetrics(Response response, Callback callback) {
        byte[] bytes = metrics.get().getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    private Answer route(Request request) throws StoreUnavailableException {
        String method = request.getMethod();
        String[] parts = ManagementPath.segments(request).toArray(String[]::new);
        if (parts.length == 2 && parts[0].equals("health") && (parts[1].equals("live") || parts[1].equals("ready"))) {
            if (!HttpMethod.GET.is(method)) {
                return notAllowed("GET");
            }
            return parts[1].equals("live") ? Answer.ok(DeliveryJson.MAPPER.createObjectNode().put("status", "up"))
                    : ready();
        }
        if (parts[0].equals("deliveries")) {
            if (parts.length == 1) {
                return HttpMethod.GET.is(method) ? list(request) : notAllowed("GET");
            }
            if (parts.length == 2 && !parts[1].isEmpty()) {
                return HttpMethod.GET.is(method) ? show(request, parts[1]) : notAllowed("GET");
            }
            if (parts.length == 3 && !parts[1].isEmpty() && parts[2].equals("replay")) {
                return HttpMethod.POST.is(method) ? replayOne(request, parts[1]) : notAllowed("POST");
            }
        }
        if (parts.length == 1 && parts[0].equals("replay")) {
            return HttpMethod.POST.is(method) ? replayAll(request) : notAllowed("POST");
        }
        if (parts.length == 1 && parts[0].equals("purge")) {
            return HttpMethod.POST.is(method) ? purge(request) : notAllowed("POST");
        }
        if (parts.length == 1 && parts[0].equals("reload")) {
            return HttpMethod.POST.is(method) ? reload(request) : notAllowed("POST");
        }
        return Answer.error(HttpStatus.NOT_FOUND_404, "not found");
    }

    private Answer ready() {
        Map<String, String> checks = readiness.evaluate();
        boolean ready = checks.values().stream().allMatch("ok"::equals);
        ObjectNode body = DeliveryJson.MAPPER.createObjectNode().put("status", ready ? "ready" : "not ready");
        ObjectNode results = body.putObject("checks");
        checks.forEach(results::put);
        return new Answer(ready ? HttpStatus.OK_200 : HttpStatus.SERVICE_UNAVAILABLE_503, body, null);
    }

    private Answer list(Request request) throws StoreUnavailableException {
        Fields query = query(request, LIST_PARAMETERS);
        FilterArguments filter = new FilterArguments(clock.instant())
                .endpoint("endpoint", query.getValue("endpoint"))
                .vendor("vendor", query.getValue("vendor"))
                .type("type", query.getValue("type"))
                .status("status", query.getValue("status"))
                .since("since", query.getValue("since"))
                .until("until", query.getValue("until"))
                .limit("limit", query.getValue("limit"))
                .after("after", query.getValue("after"))
                .handler("handler", query.getValue("handler"))
                .handlerStatus("handlerStatus", query.getValue("handlerStatus"))
                .deliveryKey("key", query.getValue("key"))
                .order("order", query.getValue("order"));
        return Answer.ok(DeliveryJson.page(queries.list(filter.filter())));
    }

    private Answer show(Request request, String idText) throws StoreUnavailableException {
        query(request, Set.of());
        long id = FilterArguments.id("id", idText);
        // Routing is worked out now, with the routes as configured now, from the stored headers and body: it says
        // which route's filter said no to an unrouted delivery, and what a replay would select.
        return queries.show(id).map(d -> Answer.ok(DeliveryJson.detail(d)
                        .set("routing", RoutingJson.verdicts(replay.routing(d.delivery())))))
                .orElseGet(() -> Answer.error(HttpStatus.NOT_FOUND_404, "no delivery " + id));
    }

    private Answer replayOne(Request request, String idText) throws StoreUnavailableException {
        Fields query = query(request, Set.of("handler"));
        long id = FilterArguments.id("id", idText);
        Optional<String> handler = Optional.ofNullable(query.getValue("handler"));
        DeliveryReplay.Outcome outcome = replay.replay(id, handler);
        ObjectNode body = DeliveryJson.outcome(outcome);
        if (outcome instanceof DeliveryReplay.Outcome.NotFound) {
            return Answer.error(HttpStatus.NOT_FOUND_404, "no delivery " + id);
        }
        if (outcome instanceof DeliveryReplay.Outcome.Skipped skipped) {
            body.put("error", skipped.reason());
            return new Answer(HttpStatus.CONFLICT_409, body, null);
        }
        return Answer.ok(body);
    }

    private Answer replayAll(Request request) throws StoreUnavailableException {
        query(request, Set.of());
        JsonNode body = jsonBody(request, REPLAY_FIELDS);
        FilterArguments filter = new FilterArguments(clock.instant())
                .endpoint("endpoint", text(body, "endpoint"))
                .vendor("vendor", text(body, "vendor"))
                .type("type", text(body, "type"))
                .status("status", text(body, "status"))
                .since("since", text(body, "since"))
                .until("until", text(body, "until"))
                .deliveryKey("key", text(body, "key"));
        if (text(body, "handlerStatus") != null) {
            // "the dead letters of slack": deliveries whose run of the handler they are replayed to has this status
            filter.handler("handler", text(body, "handler")).handlerStatus("handlerStatus", text(body, "handlerStatus"));
        }
        DeliveryReplay.Summary summary = replay.replayAll(filter.filter(), Optional.ofNullable(text(body, "handler")),
                flag(body, "dryRun"));
        return Answer.ok(DeliveryJson.summary(summary));
    }

    private Answer purge(Request request) throws StoreUnavailableException {
        query(request, Set.of());
        JsonNode body = jsonBody(request, PURGE_FIELDS);
        String olderThanText = text(body, "olderThan");
        Duration olderThan;
        try {
            olderThan = olderThanText == null ? defaultRetention : TimeArguments.duration(olderThanText);
        } catch (IllegalArgumentException e) {
            throw new BadArgumentException("olderThan", e.getMessage());
        }
        boolean includePending = flag(body, "includePending");
        Retention.Result result = retention.purge(olderThan, includePending, flag(body, "dryRun"));
        return Answer.ok(DeliveryJson.purge(result, includePending));
    }

    /** 200 when the configuration was applied, 422 when it was refused (the running one stays). */
    private Answer reload(Request request) {
        query(request, Set.of());
        ReloadOutcome outcome = reload.get();
        return new Answer(outcome instanceof ReloadOutcome.Applied ? HttpStatus.OK_200
                : HttpStatus.UNPROCESSABLE_ENTITY_422, ReloadJson.of(outcome), null);
    }

    // ---- output ---------------------------------------------------------------------------------------------

    private static Answer notAllowed(String allow) {
        ObjectNode body = DeliveryJson.MAPPER.createObjectNode().put("error", "method not allowed; use " + allow);
        return new Answer(HttpStatus.METHOD_NOT_ALLOWED_405, body, allow);
    }

    private static void send(Response response, Answer answer, Callback callback) {
        response.setStatus(answer.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (answer.allow() != null) {
            response.getHeaders().put(HttpHeader.ALLOW, answer.allow());
        }
        if (answer.status() == HttpStatus.UNAUTHORIZED_401) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"hookyard\"");
        }
        byte[] bytes = (DeliveryJson.write(answer.body()) + "\n").getBytes(StandardCharsets.UTF_8);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
