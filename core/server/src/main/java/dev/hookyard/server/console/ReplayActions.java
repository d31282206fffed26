package dev.hookyard.server.console;

import dev.hookyard.server.inspect.BadArgumentException;
import dev.hookyard.server.inspect.DeliveryReplay;
import dev.hookyard.server.store.DeliveryFilter;
import dev.hookyard.server.store.StoreUnavailableException;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The console's replays, through the same {@link DeliveryReplay} as the API and {@code hookyard replay}: one
 * delivery to all its handlers or one ({@code POST /console/deliveries/{id}/replay}), and everything a filter
 * matches ({@code POST /console/replay}), which first answers with the counts of a dry run and a form to confirm,
 * and only replays when that form is sent.
 */
final class ReplayActions extends Handler.Abstract {

    static final String BULK = "/console/replay";

    private final ConsoleData data;

    ReplayActions(ConsoleData data) {
        super(InvocationType.BLOCKING);
        this.data = data;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws StoreUnavailableException {
        Fields form = ConsoleGate.form(request);
        String handlerName = blankToNull(Request.getPathInContext(request).equals(BULK)
                ? form.getValue("to") : form.getValue("handler"));
        try {
            if (Request.getPathInContext(request).equals(BULK)) {
                return bulk(request, response, callback, form, Optional.ofNullable(handlerName));
            }
            return one(request, response, callback, DeliveryDetailPage.id(request), Optional.ofNullable(handlerName));
        } catch (BadArgumentException e) {
            return message(request, response, callback, HttpStatus.BAD_REQUEST_400, "Cannot replay",
                    e.parameter() + ": " + e.getMessage());
        } catch (DeliveryReplay.UnknownHandlerException e) {
            return message(request, response, callback, HttpStatus.BAD_REQUEST_400, "Cannot replay", e.getMessage());
        }
    }

    private boolean one(Request request, Response response, Callback callback, long id, Optional<String> handler)
            throws StoreUnavailableException {
        DeliveryReplay.Outcome outcome = data.replay().replay(id, handler);
        if (outcome instanceof DeliveryReplay.Outcome.Replayed replayed) {
            return ConsolePages.redirect(response, DeliveriesPage.PATH + "/" + id + "?replayed="
                    + replayed.handlers().size(), callback);
        }
        if (outcome instanceof DeliveryReplay.Outcome.Skipped skipped) {
            return message(request, response, callback, HttpStatus.CONFLICT_409,
                    "Nothing to replay delivery " + id + " to", skipped.reason());
        }
        return message(request, response, callback, HttpStatus.NOT_FOUND_404, "No delivery " + id,
                "It may have been purged."); // Outcome.NotFound, the last of the sealed three
    }

    private boolean bulk(Request request, Response response, Callback callback, Fields form,
                         Optional<String> handler) throws StoreUnavailableException {
        ConsoleFilter filter = ConsoleFilter.of(form);
        DeliveryFilter storeFilter = filter.toFilter(data.clock().instant());
        boolean confirmed = "yes".equals(form.getValue("confirm"));
        DeliveryReplay.Summary summary = data.replay().replayAll(storeFilter, handler, !confirmed);
        String target = handler.map(h -> "to " + h).orElse("to the handlers their routes select now");
        StringBuilder body = new StringBuilder("<h1>").append(confirmed ? "Replayed" : "Replay: check the count")
                .append("</h1><p class=\"result\" id=\"replay-summary\">").append(summary.matched())
                .append(summary.matched() == 1 ? " delivery matches" : " deliveries match").append("; ")
                .append(summary.replayed()).append(confirmed ? " replayed " : " would be replayed ")
                .append(Html.text(target)).append(".</p>");
        if (!summary.byHandler().isEmpty()) {
            body.append("<table><thead><tr><th>Handler</th><th class=\"num\">Runs made pending</th></tr></thead>")
                    .append("<tbody>");
            for (Map.Entry<String, Long> entry : summary.byHandler().entrySet()) {
                body.append("<tr><td>").append(Html.text(entry.getKey())).append("</td><td class=\"num\">")
                        .append(entry.getValue()).append("</td></tr>");
            }
            body.append("</tbody></table>");
        }
        if (summary.skippedCount() > 0) {
            body.append("<p>").append(summary.skippedCount()).append(" skipped, for example:</p><ul>");
            summary.skipped().stream().limit(10).forEach(s -> body.append("<li><a href=\"")
                    .append(DeliveriesPage.PATH).append('/').append(s.id()).append("\">").append(s.id())
                    .append("</a>: ").append(Html.text(s.reason())).append("</li>"));
            body.append("</ul>");
        }
        String list = DeliveriesPage.PATH + (filter.isEmpty() ? "" : "?" + filter.query());
        if (!confirmed && summary.replayed() > 0) {
            body.append("<form method=\"post\" action=\"").append(BULK).append("\">")
                    .append(ConsolePages.csrfField(request)).append(filter.hiddenFields())
                    .append(handler.map(h -> "<input type=\"hidden\" name=\"to\" value=\"" + Html.text(h) + "\">")
                            .orElse(""))
                    .append("<input type=\"hidden\" name=\"confirm\" value=\"yes\">")
                    .append("<button type=\"submit\" class=\"danger\">Replay ").append(summary.replayed())
                    .append(summary.replayed() == 1 ? " delivery" : " deliveries").append("</button> ")
                    .append("<a href=\"").append(Html.text(list)).append("\">Cancel</a></form>");
        } else {
            body.append("<p><a href=\"").append(Html.text(list)).append("\">Back to the list</a></p>");
        }
        return ConsolePages.html(response, HttpStatus.OK_200,
                ConsolePages.page("Replay", ConsolePages.Nav.DELIVERIES, request, body.toString()), callback);
    }

    private static boolean message(Request request, Response response, Callback callback, int status, String title,
                                   String text) {
        return ConsolePages.html(response, status, ConsolePages.page(title, ConsolePages.Nav.DELIVERIES, request,
                "<h1>" + Html.text(title) + "</h1><p class=\"problem\" role=\"alert\">" + Html.text(text) + "</p>"
                        + "<p><a href=\"" + DeliveriesPage.PATH + "\">Deliveries</a></p>"), callback);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
