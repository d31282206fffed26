package dev.hookyard.server.console;

import dev.hookyard.spi.Secret;
import java.time.Clock;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Signing in with {@code management.token} (compared in constant time) and signing out. A good token starts a
 * session (see {@link ConsoleGate#setCookie}); at most {@link #FAILURES_PER_MINUTE} wrong tokens a minute are
 * checked, the rest refused unchecked (429), so the form is no faster an oracle than the API.
 */
final class SignInPage extends Handler.Abstract {

    static final String PATH = "/console/sign-in";
    static final String SIGN_OUT = "/console/sign-out";
    static final int FAILURES_PER_MINUTE = 20;

    private final Secret token;
    private final ConsoleSessions sessions;
    private final Clock clock;
    private long failureMinute;
    private int failures;

    /** @param token the management token, or null when the console is open (then the form says so) */
    SignInPage(Secret token, ConsoleSessions sessions, Clock clock) {
        super(InvocationType.BLOCKING);
        this.token = token;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (path.equals(SIGN_OUT)) {
            if (!HttpMethod.POST.is(request.getMethod())) {
                return ConsolePages.plain(response, HttpStatus.METHOD_NOT_ALLOWED_405, "use POST", callback);
            }
            sessions.end(ConsoleGate.cookie(request));
            ConsoleGate.clearCookie(response);
            return ConsolePages.redirect(response, PATH, callback);
        }
        if (HttpMethod.POST.is(request.getMethod())) {
            return signIn(request, response, callback);
        }
        return form(request, response, HttpStatus.OK_200, null, callback);
    }

    private boolean signIn(Request request, Response response, Callback callback) {
        if (token == null) {
            return ConsolePages.redirect(response, "/", callback);
        }
        if (!mayTry()) {
            return form(request, response, HttpStatus.TOO_MANY_REQUESTS_429,
                    "Too many wrong tokens this minute; try again in a minute.", callback);
        }
        String presented = ConsoleGate.form(request).getValue("token");
        if (presented == null || presented.length() > 1024 || !token.matches(presented.strip())) {
            failed();
            return form(request, response, HttpStatus.UNAUTHORIZED_401, "That is not the management token.",
                    callback);
        }
        ConsoleSessions.NewSession created = sessions.create();
        ConsoleGate.setCookie(request, response, created.id());
        return ConsolePages.redirect(response, "/", callback);
    }

    private synchronized boolean mayTry() {
        long minute = clock.millis() / 60_000;
        if (minute != failureMinute) {
            failureMinute = minute;
            failures = 0;
        }
        return failures < FAILURES_PER_MINUTE;
    }

    private synchronized void failed() {
        failures++;
    }

    private boolean form(Request request, Response response, int status, String problem, Callback callback) {
        StringBuilder body = new StringBuilder("<section class=\"signin\"><h1>Sign in</h1>");
        if (token == null) {
            body.append("<p>This console is open to local callers (no <code>management.token</code> is set).</p>")
                    .append("<p><a href=\"/\">Go to the overview</a></p>");
        } else {
            if (problem != null) {
                body.append("<p class=\"problem\" role=\"alert\">").append(Html.text(problem)).append("</p>");
            }
            body.append("<form method=\"post\" action=\"").append(PATH).append("\">")
                    .append("<label for=\"token\">Management token</label>")
                    .append("<input id=\"token\" name=\"token\" type=\"password\" autocomplete=\"current-password\"")
                    .append(" required autofocus>")
                    .append("<button type=\"submit\">Sign in</button></form>")
                    .append("<p class=\"hint\">The value of <code>management.token</code> in the configuration.</p>");
        }
        body.append("</section>");
        return ConsolePages.html(response, status,
                ConsolePages.page("Sign in", ConsolePages.Nav.NONE, null, body.toString()), callback);
    }
}
