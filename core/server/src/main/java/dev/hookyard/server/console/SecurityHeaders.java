package dev.hookyard.server.console;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The headers every console answer carries: a Content-Security-Policy that runs only the console's own script files
 * (no inline script or style, no other origin, no framing), and no caching of pages that show stored deliveries.
 */
final class SecurityHeaders extends Handler.Wrapper {

    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    SecurityHeaders(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        response.getHeaders().put("Content-Security-Policy", POLICY);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("X-Frame-Options", "DENY");
        // Not no-referrer: with it a browser sends "Origin: null" on the console's own form posts, which
        // ConsoleGate must then refuse as cross-site. same-origin keeps console URLs (and their filters) from
        // other sites all the same.
        response.getHeaders().put("Referrer-Policy", "same-origin");
        response.getHeaders().put("Cross-Origin-Opener-Policy", "same-origin");
        response.getHeaders().put("Cross-Origin-Resource-Policy", "same-origin");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        return super.handle(request, response, callback);
    }
}
