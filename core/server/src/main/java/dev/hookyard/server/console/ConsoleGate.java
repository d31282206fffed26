package dev.hookyard.server.console;

import dev.hookyard.server.management.ManagementAccess;
import dev.hookyard.spi.Secret;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * Who may use the console, asked before any page: the management API's rule, with a session cookie for browsers.
 * <ul>
 *   <li>Without {@code management.token} (loopback only) everyone may; a browser gets a session at its first visit,
 *       for its CSRF token, and the Host header must name the loopback bind (so a site that rebinds its DNS name to
 *       127.0.0.1 cannot read the console through the visitor's browser).</li>
 *   <li>With a token: a session made by signing in with the token (an HttpOnly, SameSite=Strict cookie), or the
 *       token itself as {@code Authorization: Bearer} (scripts). Anyone else is sent to the sign-in form.</li>
 * </ul>
 * Every state-changing request (POST) must be a form post from the console itself: a browser that says it comes from
 * another site ({@code Sec-Fetch-Site}, {@code Origin}) is refused, and a session's form must carry its CSRF token.
 * A bearer caller needs none (a browser never adds that header by itself).
 */
final class ConsoleGate extends Handler.Wrapper {

    static final String COOKIE = "hookyard_console";
    private static final String SESSION_ATTRIBUTE = ConsoleGate.class.getName() + ".session";
    private static final String SIGNED_IN_ATTRIBUTE = ConsoleGate.class.getName() + ".signedIn";
    private static final String FORM_ATTRIBUTE = ConsoleGate.class.getName() + ".form";
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    private static final java.util.regex.Pattern LOOPBACK_V4 =
            java.util.regex.Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    private static final int MAX_FORM_FIELDS = 40;
    private static final int MAX_FORM_BYTES = 16 * 1024;

    private final Secret token;
    private final ManagementAccess bearer;
    private final ConsoleSessions sessions;
    private final String bindHost;

    /**
     * @param token    {@code management.token}, or null: the console is open (the bind is loopback)
     * @param bindHost {@code management.host}, a name the Host header may carry when open
     */
    ConsoleGate(Handler pages, Secret token, ConsoleSessions sessions, String bindHost) {
        super(pages);
        this.token = token;
        this.bearer = token == null ? ManagementAccess.OPEN : ManagementAccess.bearer(token);
        this.sessions = sessions;
        this.bindHost = bindHost;
    }

    /** The request's session, when it came with one (a bearer caller has none). */
    static Optional<ConsoleSession> session(Request request) {
        return Optional.ofNullable((ConsoleSession) request.getAttribute(SESSION_ATTRIBUTE));
    }

    /** Whether the request came with a session made by signing in with the token (so it can sign out). */
    static boolean signedIn(Request request) {
        return request.getAttribute(SIGNED_IN_ATTRIBUTE) != null;
    }

    /** The fields of a form post that passed the gate. */
    static Fields form(Request request) {
        Fields fields = (Fields) request.getAttribute(FORM_ATTRIBUTE);
        return fields == null ? new Fields(true) : fields;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        boolean post = HttpMethod.POST.is(request.getMethod());
        if (!HttpMethod.GET.is(request.getMethod()) && !post && !HttpMethod.HEAD.is(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, POST");
            return ConsolePages.plain(response, HttpStatus.METHOD_NOT_ALLOWED_405, "method not allowed", callback);
        }
        if (post && crossSite(request)) {
            return ConsolePages.plain(response, HttpStatus.FORBIDDEN_403, "forbidden: not sent from the console",
                    callback);
        }
        if (post) {
            Optional<Fields> form = readForm(request);
            if (form.isEmpty()) {
                return ConsolePages.plain(response, HttpStatus.BAD_REQUEST_400,
                        "bad request: a form post (application/x-www-form-urlencoded) of at most "
                                + MAX_FORM_BYTES + " bytes", callback);
            }
            request.setAttribute(FORM_ATTRIBUTE, form.get());
        }
        if (path.startsWith("/console/assets/") || path.equals(SignInPage.PATH)) {
            return super.handle(request, response, callback);
        }
        String cookie = cookie(request);
        Optional<ConsoleSession> session = sessions.find(cookie);
        if (token == null) {
            if (!loopbackHost(request)) {
                return ConsolePages.plain(response, HttpStatus.MISDIRECTED_REQUEST_421,
                        "the console without management.token answers only to a loopback host name", callback);
            }
            if (session.isEmpty()) {
                ConsoleSessions.NewSession created = sessions.create();
                setCookie(request, response, created.id());
                session = Optional.of(created.session());
            }
        } else if (session.isEmpty()) {
            if (!hasBearer(request) || bearer.check(request).isPresent()) {
                if (HttpMethod.GET.is(request.getMethod()) && !path.equals(TailStream.PATH)) {
                    response.setStatus(HttpStatus.SEE_OTHER_303);
                    response.getHeaders().put(HttpHeader.LOCATION, SignInPage.PATH);
                    callback.succeeded();
                    return true;
                }
                return ConsolePages.plain(response, HttpStatus.UNAUTHORIZED_401, "unauthorized: sign in", callback);
            }
            return super.handle(request, response, callback); // a bearer caller: no session, no CSRF needed
        }
        request.setAttribute(SESSION_ATTRIBUTE, session.get());
        if (token != null) {
            request.setAttribute(SIGNED_IN_ATTRIBUTE, Boolean.TRUE);
        }
        if (post && !session.get().acceptsCsrf(form(request).getValue("csrf"))) {
            return ConsolePages.plain(response, HttpStatus.FORBIDDEN_403,
                    "forbidden: the form's CSRF token is missing or stale; reload the page", callback);
        }
        return super.handle(request, response, callback);
    }

    /** A browser's word that the request comes from another site. */
    static boolean crossSite(Request request) {
        String site = request.getHeaders().get("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return true;
        }
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin == null) {
            return false;
        }
        String host = request.getHeaders().get(HttpHeader.HOST);
        return host == null || !(origin.equals("http://" + host) || origin.equals("https://" + host));
    }

    private static Optional<Fields> readForm(Request request) {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                || request.getLength() > MAX_FORM_BYTES) {
            return Optional.empty();
        }
        try {
            return Optional.of(FormFields.getFields(request, MAX_FORM_FIELDS, MAX_FORM_BYTES));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private boolean loopbackHost(Request request) {
        String host = request.getHttpURI().getHost();
        if (host == null) {
            return false;
        }
        return LOOPBACK_NAMES.contains(host) || host.equals(bindHost) || LOOPBACK_V4.matcher(host).matches();
    }

    private static boolean hasBearer(Request request) {
        return request.getHeaders().get(HttpHeader.AUTHORIZATION) != null;
    }

    static String cookie(Request request) {
        for (HttpCookie cookie : Request.getCookies(request)) {
            if (cookie.getName().equals(COOKIE)) {
                return cookie.getValue();
            }
        }
        return null;
    }

    /** The session cookie: sent back only to this origin, never readable by script, never sent cross-site. */
    static void setCookie(Request request, Response response, String id) {
        response.getHeaders().add(HttpHeader.SET_COOKIE, COOKIE + "=" + id + "; Path=/; Max-Age="
                + ConsoleSessions.LIFETIME.toSeconds() + "; HttpOnly; SameSite=Strict"
                + (request.isSecure() ? "; Secure" : ""));
    }

    static void clearCookie(Response response) {
        response.getHeaders().add(HttpHeader.SET_COOKIE, COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
    }
}
