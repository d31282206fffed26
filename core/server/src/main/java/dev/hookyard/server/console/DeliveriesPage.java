package dev.hookyard.server.console;

import dev.hookyard.server.config.EndpointConfig;
import dev.hookyard.server.config.HandlerConfig;
import dev.hookyard.server.inspect.BadArgumentException;
import dev.hookyard.server.inspect.FilterArguments;
import dev.hookyard.server.store.DeliveryFilter;
import dev.hookyard.server.store.DeliveryPage;
import dev.hookyard.server.store.DeliveryStatus;
import dev.hookyard.server.store.DeliverySummary;
import dev.hookyard.server.store.RunStatus;
import dev.hookyard.server.store.StoreUnavailableException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The deliveries list: newest first, {@value #PAGE} at a time with a keyset cursor ({@code after=ID}, the last id
 * shown), filtered by the parameters in the URL, with the bulk replay of everything the filter matches.
 */
final class DeliveriesPage extends Handler.Abstract {

    static final String PATH = "/console/deliveries";
    static final int PAGE = 50;

    private final ConsoleData data;

    DeliveriesPage(ConsoleData data) {
        super(InvocationType.BLOCKING);
        this.data = data;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws StoreUnavailableException {
        Fields query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        ConsoleFilter filter = ConsoleFilter.of(query);
        StringBuilder body = new StringBuilder("<h1>Deliveries</h1>");
        form(body, filter);
        DeliveryPage page;
        try {
            DeliveryFilter storeFilter = filter.toFilter(data.clock().instant()).withLimit(PAGE);
            String after = query.getValue("after");
            if (after != null) {
                storeFilter = storeFilter.withAfter(FilterArguments.id("after", after));
            }
            page = data.queries().list(storeFilter);
        } catch (BadArgumentException e) {
            body.append("<p class=\"problem\" role=\"alert\">").append(Html.text(e.parameter())).append(": ")
                    .append(Html.text(e.getMessage())).append("</p>");
            return ConsolePages.html(response, HttpStatus.BAD_REQUEST_400,
                    ConsolePages.page("Deliveries", ConsolePages.Nav.DELIVERIES, request, body.toString()), callback);
        }
        table(body, page.deliveries());
        body.append("<nav class=\"pager\">");
        if (query.getValue("after") != null) {
            body.append("<a href=\"").append(PATH).append(filter.isEmpty() ? "" : "?" + Html.text(filter.query()))
                    .append("\">Newest</a>");
        }
        page.next().ifPresent(next -> body.append("<a rel=\"next\" href=\"").append(PATH).append('?')
                .append(Html.text(filter.query() + (filter.isEmpty() ? "" : "&") + "after=" + next))
                .append("\">Older</a>"));
        body.append("</nav>");
        bulkReplay(body, request, filter);
        return ConsolePages.html(response, HttpStatus.OK_200,
                ConsolePages.page("Deliveries", ConsolePages.Nav.DELIVERIES, request, body.toString()), callback);
    }

    private void form(StringBuilder body, ConsoleFilter filter) {
        body.append("<form class=\"filters\" method=\"get\" action=\"").append(PATH).append("\">");
        input(body, filter, "endpoint", "Endpoint", "glob, e.g. least*",
                data.config().endpoints().stream().map(EndpointConfig::name).toList());
        input(body, filter, "vendor", "Vendor", "glob", data.config().endpoints().stream()
                .map(EndpointConfig::vendor).distinct().toList());
        input(body, filter, "type", "Event type", "glob, e.g. record.*", List.of());
        select(body, filter, "status", "Status", Arrays.stream(DeliveryStatus.values()).map(DeliveryStatus::code)
                .toList());
        select(body, filter, "handler", "Handler", data.config().handlers().stream().map(HandlerConfig::name)
                .toList());
        select(body, filter, "handlerStatus", "Handler's run", Arrays.stream(RunStatus.values())
                .map(RunStatus::code).toList());
        input(body, filter, "since", "Since", "2h or 2026-05-01T10:00:00Z", List.of());
        input(body, filter, "until", "Until", "1h or an instant", List.of());
        input(body, filter, "key", "Delivery key", "exact key", List.of());
        body.append("<div class=\"buttons\"><button type=\"submit\">Filter</button> <a href=\"").append(PATH)
                .append("\">Clear</a></div></form>");
    }

    private static void input(StringBuilder body, ConsoleFilter filter, String name, String label, String hint,
                              List<String> suggestions) {
        body.append("<label>").append(label).append("<input name=\"").append(name).append("\" value=\"")
                .append(Html.text(filter.get(name))).append("\" placeholder=\"").append(Html.text(hint))
                .append('"');
        if (!suggestions.isEmpty()) {
            body.append(" list=\"list-").append(name).append("\"></label><datalist id=\"list-").append(name)
                    .append("\">");
            suggestions.forEach(s -> body.append("<option value=\"").append(Html.text(s)).append("\">"));
            body.append("</datalist>");
        } else {
            body.append("></label>");
        }
    }

    private static void select(StringBuilder body, ConsoleFilter filter, String name, String label,
                               List<String> options) {
        body.append("<label>").append(label).append("<select name=\"").append(name).append("\"><option value=\"\">any")
                .append("</option>");
        for (String option : options) {
            body.append("<option").append(option.equals(filter.get(name)) ? " selected" : "").append('>')
                    .append(Html.text(option)).append("</option>");
        }
        body.append("</select></label>");
    }

    private static void table(StringBuilder body, List<DeliverySummary> deliveries) {
        if (deliveries.isEmpty()) {
            body.append("<p class=\"empty\">No delivery matches.</p>");
            return;
        }
        body.append("<div class=\"scroll\"><table class=\"deliveries\"><thead><tr><th class=\"num\">Id</th>"
                + "<th>Received</th><th>Endpoint</th><th>Type</th><th>Status</th><th>Handlers</th><th>Key</th>"
                + "</tr></thead><tbody>");
        for (DeliverySummary d : deliveries) {
            body.append("<tr><td class=\"num\"><a href=\"").append(PATH).append('/').append(d.id()).append("\">")
                    .append(d.id()).append("</a></td><td>").append(Html.time(d.receivedAt())).append("</td><td>")
                    .append(Html.text(d.endpoint())).append(" <small>").append(Html.text(d.vendor()))
                    .append("</small></td><td><code>").append(Html.text(d.eventType())).append("</code></td><td>")
                    .append(Badges.of(d.status())).append("</td><td>");
            for (Map.Entry<String, RunStatus> run : d.runs().entrySet()) {
                body.append("<span class=\"run\">").append(Html.text(run.getKey())).append(' ')
                        .append(Badges.of(run.getValue())).append("</span> ");
            }
            body.append("</td><td><code class=\"key\">").append(Html.text(shorten(d.deliveryKey())))
                    .append("</code></td></tr>");
        }
        body.append("</tbody></table></div>");
    }

    private void bulkReplay(StringBuilder body, Request request, ConsoleFilter filter) {
        body.append("<section class=\"bulk\"><h2>Replay everything this filter matches</h2>")
                .append("<form method=\"post\" action=\"").append(ReplayActions.BULK).append("\">")
                .append(ConsolePages.csrfField(request)).append(filter.hiddenFields())
                .append("<label>To<select name=\"to\"><option value=\"\">the handlers its routes select now</option>");
        for (HandlerConfig handler : data.config().handlers()) {
            body.append("<option").append(handler.name().equals(filter.get("handler")) ? " selected" : "")
                    .append(" value=\"").append(Html.text(handler.name())).append("\">only ")
                    .append(Html.text(handler.name())).append("</option>");
        }
        body.append("</select></label><button type=\"submit\">Count them first</button></form>")
                .append("<p class=\"hint\">Shows how many would be replayed; nothing changes until you confirm."
                        + " For a handler's dead letters after an outage, filter by handler and run status"
                        + " <code>dead</code>.</p></section>");
    }

    private static String shorten(String key) {
        return key.length() <= 16 ? key : key.substring(0, 16) + "…";
    }
}
