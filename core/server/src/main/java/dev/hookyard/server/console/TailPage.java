package dev.hookyard.server.console;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The live tail's page: {@code console.js} fills the table from {@link TailStream} and shows whether it is
 * connected, with pause and resume. Without script it says where the same deliveries are listed.
 */
final class TailPage extends Handler.Abstract {

    static final String PATH = "/console/tail";

    TailPage() {
        super(InvocationType.NON_BLOCKING);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String body = "<h1>Live tail</h1><div class=\"tail-bar\" id=\"tail\" data-source=\"" + TailStream.PATH
                + "\"><span id=\"tail-status\" class=\"status off\" role=\"status\">not connected</span>"
                + "<button type=\"button\" id=\"tail-pause\" hidden>Pause</button>"
                + "<span id=\"tail-missed\" class=\"hint\"></span></div>"
                + "<noscript><p class=\"problem\">The live tail needs JavaScript. Accepted deliveries are listed"
                + " under <a href=\"" + DeliveriesPage.PATH + "\">Deliveries</a>; refusals are counted on the"
                + " <a href=\"/\">overview</a>.</p></noscript>"
                + "<div class=\"scroll\"><table class=\"tail\"><thead><tr><th>Time</th><th>Outcome</th>"
                + "<th>Endpoint</th><th>Detail</th></tr></thead><tbody id=\"tail-rows\"></tbody></table></div>"
                + "<p class=\"hint\">Deliveries as they are accepted, and requests refused with their reason and"
                + " client address, from the moment this page connected. Bodies and header values are never"
                + " shown here.</p>";
        return ConsolePages.html(response, HttpStatus.OK_200,
                ConsolePages.page("Live tail", ConsolePages.Nav.TAIL, request, body), callback);
    }
}
