package dev.hookyard.server.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookyard.server.config.EndpointConfig;
import dev.hookyard.server.config.RouteConfig;
import dev.hookyard.server.dispatch.Route;
import dev.hookyard.server.inspect.BadArgumentException;
import dev.hookyard.server.inspect.DeliveryJson;
import dev.hookyard.server.inspect.FilterArguments;
import dev.hookyard.server.store.DeliveryDetail;
import dev.hookyard.server.store.RunDetail;
import dev.hookyard.server.store.RunStatus;
import dev.hookyard.server.store.StoreUnavailableException;
import dev.hookyard.server.store.StoredDelivery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One delivery: what was received (headers as stored, credentials masked by the store's rule; the body pretty and
 * raw), which routes of the configuration as it is now match it, each handler's run as the store keeps it (status,
 * attempts made, last error, when it changed and when it is due next: the store keeps the latest attempt's outcome,
 * not every attempt), the replay buttons, and the commands that send it again.
 */
final class DeliveryDetailPage extends Handler.Abstract {

    /** Bodies larger than this are shown cut (the API and {@code deliveries show --full-body} give all of it). */
    static final int SHOWN_BODY_BYTES = 256 * 1024;

    private final ConsoleData data;

    DeliveryDetailPage(ConsoleData data) {
        super(InvocationType.BLOCKING);
        this.data = data;
    }

    /** The id in {@code /console/deliveries/{id}}, or a {@link BadArgumentException}. */
    static long id(Request request) {
        String path = Request.getPathInContext(request);
        String[] parts = path.substring(DeliveriesPage.PATH.length() + 1).split("/", -1);
        return FilterArguments.id("id", parts[0]);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws StoreUnavailableException {
        long id;
        try {
            id = id(request);
        } catch (BadArgumentException e) {
            return ConsolePages.plain(response, HttpStatus.BAD_REQUEST_400, "id: " + e.getMessage(), callback);
        }
        Optional<DeliveryDetail> found = data.queries().show(id);
        if (found.isEmpty()) {
            return ConsolePages.html(response, HttpStatus.NOT_FOUND_404, ConsolePages.page("Not found",
                    ConsolePages.Nav.DELIVERIES, request, "<h1>No delivery " + id + "</h1><p>It may have been"
                            + " purged. <a href=\"" + DeliveriesPage.PATH + "\">All deliveries</a></p>"), callback);
        }
        DeliveryDetail detail = found.get();
        StoredDelivery d = detail.delivery();
        StringBuilder body = new StringBuilder();
        if (Request.extractQueryParameters(request, StandardCharsets.UTF_8).getValue("replayed") != null) {
            body.append("<p class=\"notice\" role=\"status\">Replayed: its runs are pending again, and the"
                    + " dispatcher picks them up within a second. Reload to see the new attempt.</p>");
        }
        body.append("<h1>Delivery ").append(d.id()).append(' ').append(Badges.of(d.status())).append("</h1>")
                .append("<dl class=\"facts\"><dt>Endpoint</dt><dd>").append(Html.text(d.endpoint()))
                .append("</dd><dt>Vendor</dt><dd><code>").append(Html.text(d.vendor()))
                .append("</code></dd><dt>Event type</dt><dd><code>").append(Html.text(d.eventType()))
                .append("</code></dd><dt>Delivery key</dt><dd><code class=\"key\">").append(Html.text(d.deliveryKey()))
                .append("</code></dd><dt>Received</dt><dd>").append(Html.time(d.receivedAt()))
                .append("</dd><dt>Body</dt><dd>").append(d.body().length).append(" bytes</dd></dl>");
        runs(body, request, detail);
        routes(body, d);
        headers(body, d);
        payload(body, d);
        copy(body, d);
        return ConsolePages.html(response, HttpStatus.OK_200, ConsolePages.page("Delivery " + d.id(),
                ConsolePages.Nav.DELIVERIES, request, body.toString()), callback);
    }

    private void runs(StringBuilder body, Request request, DeliveryDetail detail) {
        long id = detail.delivery().id();
        body.append("<section><h2>Handlers</h2>");
        if (detail.runs().isEmpty()) {
            body.append("<p>No handler run: no route selected a handler when it arrived.</p>");
        } else {
            body.append("<ol class=\"timeline\">");
            for (RunDetail run : detail.runs()) {
                body.append("<li class=\"run-").append(run.status().code()).append("\"><div class=\"run-head\">")
                        .append("<strong>").append(Html.text(run.handler())).append("</strong> ")
                        .append(Badges.of(run.status())).append("</div><div>")
                        .append(run.attempts()).append(run.attempts() == 1 ? " attempt" : " attempts")
                        .append(", last change ").append(Html.preciseTime(run.updatedAt()));
                if (run.status() == RunStatus.PENDING && run.nextDue() != null) {
                    body.append(", next attempt due ").append(Html.time(run.nextDue()));
                }
                body.append("</div>");
                if (run.lastError() != null) {
                    body.append("<pre class=\"error\">").append(Html.text(run.lastError())).append("</pre>");
                }
                body.append(replayForm(request, id, Optional.of(run.handler()), "Replay to " + run.handler()))
                        .append("</li>");
            }
            body.append("</ol>");
        }
        body.append("<p class=\"hint\">The store keeps each handler's latest outcome and its attempt count, not"
                + " every attempt.</p>")
                .append(replayForm(request, id, Optional.empty(), "Replay to all its handlers")).append("</section>");
    }

    static String replayForm(Request request, long id, Optional<String> handler, String label) {
        return "<form method=\"post\" class=\"inline\" action=\"" + DeliveriesPage.PATH + "/" + id + "/replay\">"
                + ConsolePages.csrfField(request)
                + handler.map(h -> "<input type=\"hidden\" name=\"handler\" value=\"" + Html.text(h) + "\">")
                .orElse("")
                + "<button type=\"submit\">" + Html.text(label) + "</button></form>";
    }

    private void routes(StringBuilder body, StoredDelivery d) {
        body.append("<section><h2>Routes</h2>");
        List<Route> routes = data.routes().routes();
        List<RouteConfig> configs = data.config().routes();
        StringBuilder matched = new StringBuilder();
        for (int i = 0; i < routes.size(); i++) {
            Route route = routes.get(i);
            if (route.matches(d.endpoint(), d.vendor(), d.eventType())) {
                String text = i < configs.size() && configs.size() == routes.size()
                        ? "from " + String.join(", ", configs.get(i).from()) + ", events "
                                + String.join(", ", configs.get(i).events())
                        : "route " + (i + 1);
                matched.append("<li><code>").append(Html.text(text)).append("</code> → ")
                        .append(Html.text(String.join(", ", route.handlers()))).append("</li>");
            }
        }
        if (matched.length() == 0) {
            body.append("<p>No route of the configuration as it is now matches it.</p>");
        } else {
            body.append("<ul>").append(matched).append("</ul>");
        }
        body.append("<p class=\"hint\">Routes as configured now; the handlers above are those chosen when it"
                + " arrived or was last replayed.</p></section>");
    }

    private static void headers(StringBuilder body, StoredDelivery d) {
        body.append("<section><h2>Headers</h2><table class=\"headers\"><tbody>");
        for (String name : d.headers().names()) {
            for (String value : d.headers().all(name)) {
                body.append("<tr><th>").append(Html.text(name)).append("</th><td><code>").append(Html.text(value))
                        .append("</code></td></tr>");
            }
        }
        body.append("</tbody></table><p class=\"hint\">Credential and signature headers are masked"
                + " (<code>****</code>) by the store's rule.</p></section>");
    }

    private static void payload(StringBuilder body, StoredDelivery d) {
        byte[] bytes = d.body();
        boolean cut = bytes.length > SHOWN_BODY_BYTES;
        String raw = new String(bytes, 0, Math.min(bytes.length, SHOWN_BODY_BYTES), StandardCharsets.UTF_8);
        body.append("<section><h2>Body</h2>");
        String pretty = null;
        if (!cut) {
            try {
                JsonNode json = DeliveryJson.MAPPER.readTree(bytes);
                pretty = json == null ? null : DeliveryJson.MAPPER.writeValueAsString(json);
            } catch (IOException e) {
                pretty = null; // not JSON: the raw view is all there is
            }
        }
        if (pretty != null) {
            body.append("<pre class=\"body\" id=\"body-pretty\">").append(Html.text(pretty)).append("</pre>");
        }
        body.append("<details").append(pretty == null ? " open" : "").append("><summary>Raw, as received")
                .append(cut ? " (first " + SHOWN_BODY_BYTES + " bytes)" : "").append("</summary>")
                .append("<pre class=\"body\" id=\"body-raw\">").append(Html.text(raw)).append("</pre></details>")
                .append("</section>");
    }

    private void copy(StringBuilder body, StoredDelivery d) {
        Optional<EndpointConfig> endpoint = data.config().endpoints().stream()
                .filter(e -> e.name().equals(d.endpoint())).findFirst();
        String url = data.receiver().get().resolve(endpoint.map(EndpointConfig::path).orElse("/hooks/"
                + d.endpoint())).toString();
        body.append("<section><h2>Send it again</h2><h3>With <code>bin/hookyard send</code> (signed)</h3>")
                .append("<pre class=\"command\" id=\"copy-send\">")
                .append(Html.text(CopyCommands.hookyardSend(d, endpoint, url))).append("</pre>")
                .append("<button type=\"button\" class=\"copy\" data-copy=\"copy-send\" hidden>Copy</button>")
                .append("<h3>With <code>curl</code> (no signature)</h3><pre class=\"command\" id=\"copy-curl\">")
                .append(Html.text(CopyCommands.curl(d, url))).append("</pre>")
                .append("<button type=\"button\" class=\"copy\" data-copy=\"copy-curl\" hidden>Copy</button>")
                .append("<p class=\"hint\">A re-send with the same key is a duplicate: to run handlers again,"
                        + " replay instead.</p></section>");
    }
}
