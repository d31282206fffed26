package dev.hookyard.server.console;

import dev.hookyard.server.activity.MinuteCounts;
import dev.hookyard.server.config.EndpointConfig;
import dev.hookyard.server.config.HandlerConfig;
import dev.hookyard.server.config.KeyringEntry;
import dev.hookyard.server.config.RouteConfig;
import dev.hookyard.server.store.RunStatus;
import dev.hookyard.server.store.RunTotals;
import dev.hookyard.server.store.StoreUnavailableException;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The overview at {@code /}: deliveries per minute over the last hour (this node's in-memory counts since it
 * started), the backlog and its oldest pending delivery, each handler's runs by status from the store (dead letters
 * linked to their list), p95 intake latency, and the configuration: endpoints with their vendor, path and secret
 * references (never values), handlers with their type, and routes.
 */
final class OverviewPage extends Handler.Abstract {

    private final ConsoleData data;

    OverviewPage(ConsoleData data) {
        super(InvocationType.BLOCKING);
        this.data = data;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws StoreUnavailableException {
        List<MinuteCounts.Minute> minutes = data.activity().minutes().lastHour();
        long accepted = minutes.stream().mapToLong(MinuteCounts.Minute::accepted).sum();
        Map<String, Long> refused = new TreeMap<>();
        minutes.forEach(m -> m.refused().forEach((reason, n) -> refused.merge(reason, n, Long::sum)));
        RunTotals totals = data.queries().runTotals();

        StringBuilder body = new StringBuilder("<h1>Overview</h1><section class=\"cards\">");
        card(body, "Backlog", Long.toString(data.backlog().getAsLong()), "pending handler runs");
        card(body, "Oldest pending", totals.oldestPending()
                .map(at -> Html.age(Duration.between(at, data.clock().instant()))).orElse("none"),
                totals.oldestPending().map(at -> "received " + Html.time(at)).orElse("nothing is owed"));
        card(body, "Accepted", Long.toString(accepted), "last hour");
        card(body, "Refused", Long.toString(refused.values().stream().mapToLong(Long::longValue).sum()),
                "last hour");
        card(body, "p95 intake", p95(), "accepted deliveries, recent minutes");
        body.append("</section>");

        body.append("<section><h2>Deliveries per minute</h2>").append(MinuteChart.svg(minutes))
                .append("<p class=\"hint\">Counted in memory by this node since it started (refusals are not"
                        + " stored).</p>");
        if (!refused.isEmpty()) {
            body.append("<table><caption>Refused in the last hour, by reason</caption><thead><tr><th>Reason</th>"
                    + "<th class=\"num\">Count</th></tr></thead><tbody>");
            refused.forEach((reason, n) -> body.append("<tr><td><code>").append(Html.text(reason))
                    .append("</code></td><td class=\"num\">").append(n).append("</td></tr>"));
            body.append("</tbody></table>");
        }
        body.append("</section>");

        handlers(body, totals);
        endpoints(body);
        routes(body);
        return ConsolePages.html(response, HttpStatus.OK_200,
                ConsolePages.page("Overview", ConsolePages.Nav.OVERVIEW, request, body.toString()), callback);
    }

    private String p95() {
        for (ValueAtPercentile value : data.metrics().intakeLatency().takeSnapshot().percentileValues()) {
            if (value.percentile() == 0.95) {
                double ms = value.value(TimeUnit.MILLISECONDS);
                return Double.isNaN(ms) || data.metrics().intakeLatency().count() == 0 ? "n/a"
                        : String.format(java.util.Locale.ROOT, "%.1f ms", ms);
            }
        }
        return "n/a";
    }

    private void handlers(StringBuilder body, RunTotals totals) {
        body.append("<section><h2>Handlers</h2><table><thead><tr><th>Handler</th><th>Type</th>"
                + "<th class=\"num\">Pending</th><th class=\"num\">Done</th><th class=\"num\">Dead letters</th>"
                + "<th class=\"num\">Dropped</th></tr></thead><tbody>");
        for (HandlerConfig handler : data.config().handlers()) {
            String name = handler.name();
            long dead = totals.count(name, RunStatus.DEAD);
            body.append("<tr><td>").append(Html.text(name)).append("</td><td><code>").append(Html.text(handler.type()))
                    .append("</code></td><td class=\"num\">").append(totals.count(name, RunStatus.PENDING))
                    .append("</td><td class=\"num\">").append(totals.count(name, RunStatus.DONE))
                    .append("</td><td class=\"num\">");
            if (dead > 0) {
                body.append("<a class=\"dead\" href=\"").append(DeliveriesPage.PATH).append("?handler=")
                        .append(Html.query(name)).append("&amp;handlerStatus=dead\">").append(dead).append("</a>");
            } else {
                body.append('0');
            }
            body.append("</td><td class=\"num\">").append(totals.count(name, RunStatus.DROPPED)).append("</td></tr>");
        }
        body.append("</tbody></table></section>");
    }

    private void endpoints(StringBuilder body) {
        body.append("<section><h2>Endpoints</h2><table><thead><tr><th>Endpoint</th><th>Vendor</th><th>Path</th>"
                + "<th>Secrets</th></tr></thead><tbody>");
        for (EndpointConfig endpoint : data.config().endpoints()) {
            body.append("<tr><td>").append(Html.text(endpoint.name())).append("</td><td><code>")
                    .append(Html.text(endpoint.vendor())).append("</code></td><td><code>")
                    .append(Html.text(endpoint.path())).append("</code></td><td>")
                    .append(Html.text(endpoint.keyring().stream().map(OverviewPage::secretLabel)
                            .collect(Collectors.joining(", "))))
                    .append("</td></tr>");
        }
        body.append("</tbody></table></section>");
    }

    private static String secretLabel(KeyringEntry entry) {
        return entry.reference() + (entry.notAfter() == null ? "" : " (until " + Html.time(entry.notAfter()) + ")");
    }

    private void routes(StringBuilder body) {
        body.append("<section><h2>Routes</h2><table><thead><tr><th>#</th><th>From</th><th>Vendor</th>"
                + "<th>Events</th><th>To</th></tr></thead><tbody>");
        for (RouteConfig route : data.config().routes()) {
            body.append("<tr><td>").append(route.index()).append("</td><td><code>")
                    .append(Html.text(String.join(", ", route.from()))).append("</code></td><td><code>")
                    .append(Html.text(route.vendor() == null ? "*" : route.vendor())).append("</code></td><td><code>")
                    .append(Html.text(String.join(", ", route.events()))).append("</code></td><td>")
                    .append(Html.text(String.join(", ", route.to()))).append("</td></tr>");
        }
        body.append("</tbody></table></section>");
    }

    private static void card(StringBuilder body, String title, String value, String note) {
        body.append("<div class=\"card\"><div class=\"card-title\">").append(Html.text(title))
                .append("</div><div class=\"card-value\">").append(Html.text(value))
                .append("</div><div class=\"card-note\">").append(Html.text(note)).append("</div></div>");
    }
}
