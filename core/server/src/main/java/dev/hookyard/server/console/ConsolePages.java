package dev.hookyard.server.console;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The frame of every console page (head, navigation, sign-out) and how pages are sent. Pages are plain HTML that
 * reads without script; {@code console.js} only adds the live tail, copy buttons and the raw/pretty switch.
 */
final class ConsolePages {

    /** The pages in the navigation, by path. */
    enum Nav {
        OVERVIEW("/", "Overview"),
        DELIVERIES(DeliveriesPage.PATH, "Deliveries"),
        TAIL(TailPage.PATH, "Live tail"),
        VENDORS(VendorsPage.PATH, "Vendors"),
        NONE("", "");

        final String path;
        final String label;

        Nav(String path, String label) {
            this.path = path;
            this.label = label;
        }
    }

    private ConsolePages() {
    }

    /** A whole page around {@code body} (already HTML). */
    static String page(String title, Nav active, Request request, String body) {
        StringBuilder html = new StringBuilder(body.length() + 2048);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta name=\"color-scheme\" content=\"light dark\">")
                .append("<title>").append(Html.text(title)).append(" · Hookyard</title>")
                .append("<link rel=\"stylesheet\" href=\"/console/assets/console.css\">")
                .append("<script type=\"module\" src=\"/console/assets/console.js\"></script>")
                .append("</head><body><header class=\"top\"><a class=\"brand\" href=\"/\">Hookyard</a><nav>");
        for (Nav nav : Nav.values()) {
            if (nav == Nav.NONE) {
                continue;
            }
            html.append("<a href=\"").append(nav.path).append('"')
                    .append(nav == active ? " aria-current=\"page\"" : "").append('>').append(nav.label)
                    .append("</a>");
        }
        html.append("</nav>");
        if (request != null && ConsoleGate.signedIn(request)) {
            html.append("<form method=\"post\" action=\"").append(SignInPage.SIGN_OUT).append("\" class=\"signout\">")
                    .append(csrfField(request)).append("<button type=\"submit\">Sign out</button></form>");
        }
        html.append("</header><main>").append(body).append("</main></body></html>\n");
        return html.toString();
    }

    /** The hidden CSRF field of a state-changing form (empty for a bearer caller, who needs none). */
    static String csrfField(Request request) {
        return ConsoleGate.session(request)
                .map(s -> "<input type=\"hidden\" name=\"csrf\" value=\"" + Html.text(s.csrfToken()) + "\">")
                .orElse("");
    }

    static boolean html(Response response, int status, String html, Callback callback) {
        return send(response, status, "text/html; charset=utf-8", html, callback);
    }

    static boolean plain(Response response, int status, String text, Callback callback) {
        return send(response, status, "text/plain; charset=utf-8", text + "\n", callback);
    }

    /** 303 to {@code location} (after a form post, so a reload does not post again). */
    static boolean redirect(Response response, String location, Callback callback) {
        response.setStatus(HttpStatus.SEE_OTHER_303);
        response.getHeaders().put(HttpHeader.LOCATION, location);
        callback.succeeded();
        return true;
    }

    static boolean send(Response response, int status, String type, String text, Callback callback) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.write(true, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
