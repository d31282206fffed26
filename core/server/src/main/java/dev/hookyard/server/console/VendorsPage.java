package dev.hookyard.server.console;

import dev.hookyard.server.config.EndpointConfig;
import dev.hookyard.server.endpoint.Endpoint;
import dev.hookyard.spi.EventType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The vendors of the configured endpoints with their event catalogs and samples, and per endpoint a form that sends a
 * signed test delivery of a chosen type ({@code POST /console/vendors/test}, see {@link TestDeliverySender}).
 * {@code bin/hookyard vendors} lists every installed vendor, configured or not.
 */
final class VendorsPage extends Handler.Abstract {

    static final String PATH = "/console/vendors";
    static final String TEST = "/console/vendors/test";

    private final ConsoleData data;
    private final TestDeliverySender sender;

    VendorsPage(ConsoleData data) {
        super(InvocationType.BLOCKING);
        this.data = data;
        this.sender = new TestDeliverySender(data.clock());
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (HttpMethod.POST.is(request.getMethod()) && Request.getPathInContext(request).equals(TEST)) {
            return test(request, response, callback);
        }
        StringBuilder body = new StringBuilder("<h1>Vendors</h1><section><h2>Send a signed test delivery</h2>")
                .append("<p class=\"hint\">Signs a catalog sample on the server with the endpoint's secret (which"
                        + " never reaches this page) and posts it to the endpoint, through every check a real"
                        + " delivery passes. Watch it arrive in the <a href=\"").append(TailPage.PATH)
                .append("\">live tail</a>.</p><div class=\"scroll\"><table><thead><tr><th>Endpoint</th><th>Vendor</th>"
                        + "<th>Path</th><th>Event type</th></tr></thead><tbody>");
        Map<String, Endpoint> byVendor = new LinkedHashMap<>();
        for (Endpoint endpoint : data.endpoints().all()) {
            byVendor.putIfAbsent(endpoint.vendorId(), endpoint);
            body.append("<tr><td>").append(Html.text(endpoint.name())).append("</td><td><code>")
                    .append(Html.text(endpoint.vendorId())).append("</code></td><td><code>")
                    .append(Html.text(endpoint.path())).append("</code></td><td><form method=\"post\" action=\"")
                    .append(TEST).append("\" class=\"inline\">").append(ConsolePages.csrfField(request))
                    .append("<input type=\"hidden\" name=\"endpoint\" value=\"").append(Html.text(endpoint.name()))
                    .append("\"><select name=\"type\" aria-label=\"event type\">");
            for (EventType type : endpoint.vendor().catalog().types()) {
                body.append("<option>").append(Html.text(type.name())).append("</option>");
            }
            body.append("</select> <button type=\"submit\">Send test delivery</button></form></td></tr>");
        }
        body.append("</tbody></table></div></section>");
        for (Map.Entry<String, Endpoint> vendor : byVendor.entrySet()) {
            body.append("<section><h2>Catalog of <code>").append(Html.text(vendor.getKey())).append("</code></h2>")
                    .append("<dl class=\"catalog\">");
            for (EventType type : vendor.getValue().vendor().catalog().types()) {
                body.append("<dt><code>").append(Html.text(type.name())).append("</code></dt><dd>")
                        .append(Html.text(type.description())).append("<details><summary>Sample</summary>")
                        .append("<pre class=\"body\">").append(Html.text(type.sampleBody()))
                        .append("</pre></details></dd>");
            }
            body.append("</dl></section>");
        }
        return ConsolePages.html(response, HttpStatus.OK_200,
                ConsolePages.page("Vendors", ConsolePages.Nav.VENDORS, request, body.toString()), callback);
    }

    private boolean test(Request request, Response response, Callback callback) {
        Fields form = ConsoleGate.form(request);
        Optional<Endpoint> endpoint = data.endpoints().byName(String.valueOf(form.getValue("endpoint")));
        Optional<EndpointConfig> config = data.config().endpoints().stream()
                .filter(e -> e.name().equals(form.getValue("endpoint"))).findFirst();
        Optional<EventType> type = endpoint.flatMap(e -> e.vendor().catalog().find(String.valueOf(
                form.getValue("type"))));
        if (endpoint.isEmpty() || config.isEmpty() || type.isEmpty()) {
            return ConsolePages.html(response, HttpStatus.BAD_REQUEST_400, ConsolePages.page("Test delivery",
                    ConsolePages.Nav.VENDORS, request, "<h1>Test delivery</h1><p class=\"problem\">Choose a"
                            + " configured endpoint and one of its vendor's event types.</p>"), callback);
        }
        TestDeliverySender.Result result = sender.send(endpoint.get(), config.get(), type.get(),
                data.receiver().get());
        StringBuilder body = new StringBuilder("<h1>Test delivery to ").append(Html.text(endpoint.get().name()))
                .append("</h1><p class=\"result\" id=\"test-result\">");
        if (result instanceof TestDeliverySender.Result.Answered answered) {
            body.append(Html.text(type.get().name())).append(", signed (").append(Html.text(answered.signedHeaders()))
                    .append("): HTTP ").append(answered.status()).append(" <code>").append(Html.text(answered.body()))
                    .append("</code></p>");
            if (answered.status() == HttpStatus.UNAUTHORIZED_401) {
                body.append("<p class=\"hint\">Refused by the endpoint's verifier: see the reason in the live tail"
                        + " or the log.</p>");
            }
        } else {
            TestDeliverySender.Result.Failed failed = (TestDeliverySender.Result.Failed) result; // the other one
            body.append("not sent: ").append(Html.text(failed.reason())).append("</p>");
        }
        body.append("<p><a href=\"").append(DeliveriesPage.PATH).append("?endpoint=")
                .append(Html.query(endpoint.get().name())).append("\">Deliveries of this endpoint</a> · <a href=\"")
                .append(PATH).append("\">Vendors</a></p>");
        return ConsolePages.html(response, HttpStatus.OK_200,
                ConsolePages.page("Test delivery", ConsolePages.Nav.VENDORS, request, body.toString()), callback);
    }
}
