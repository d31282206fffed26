package dev.hookyard.server.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.testing.LeastFixtures;
import dev.hookyard.server.testing.PrometheusText;
import dev.hookyard.server.testing.RawHttp;
import dev.hookyard.server.testing.RecordingHandlers;
import dev.hookyard.server.testing.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may use the console, over real HTTP against a running server: the sign-in with {@code management.token} and
 * its session cookie, the bearer token for scripts, CSRF on every state-changing request, the open loopback console
 * and its Host check, the security headers, and the count of console requests in the metrics.
 */
class ConsoleAccessHttpTest {

    private static final String TOKEN = "console-token-8d2f61a0";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @TempDir
    Path home;

    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(boolean withToken) throws Exception {
        Files.writeString(home.resolve("management-token"), TOKEN + "\n");
        String management = withToken
                ? "management: { host: 127.0.0.1, port: 0, token: \"${file:management-token}\" }\n"
                : "management: { host: 127.0.0.1, port: 0 }\n";
        server = TestServer.start(home, TestServer.serverSection() + management + TestServer.LEAST_TO_REC,
                new RecordingHandlers());
    }

    private HttpResponse<String> get(String path, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.managementUri(path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return TestServer.send(request);
    }

    private HttpResponse<String> postForm(String path, String cookie, String form, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.managementUri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return TestServer.send(request);
    }

    /** Signs in with the token; returns the {@code name=value} of the session cookie. */
    private String signIn() {
        HttpResponse<String> signedIn = postForm(SignInPage.PATH, null, "token=" + TOKEN);
        assertEquals(303, signedIn.statusCode(), signedIn.body());
        String setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.startsWith(ConsoleGate.COOKIE + "="), setCookie);
        assertTrue(setCookie.contains("; HttpOnly"), setCookie);
        assertTrue(setCookie.contains("; SameSite=Strict"), setCookie);
        assertFalse(setCookie.contains(TOKEN), "the cookie is a session id, not the token");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertTrue(matcher.find(), "the page has a form with the CSRF token:\n" + page);
        return matcher.group(1);
    }

    @Test
    void withATokenOnlyASignedInBrowserOrABearerCallerGetsIn() throws Exception {
        start(true);
        for (String path : List.of("/", "/console/deliveries", "/console/deliveries/1", "/console/tail",
                "/console/vendors")) {
            HttpResponse<String> anonymous = get(path, null);
            assertEquals(303, anonymous.statusCode(), path);
            assertEquals(SignInPage.PATH, anonymous.headers().firstValue("Location").orElseThrow(), path);
        }
        assertEquals(401, get(TailStream.PATH, null).statusCode(), "the event stream is not redirected");
        assertEquals(303, get("/", ConsoleGate.COOKIE + "=made-up-session").statusCode());

        HttpResponse<String> form = get(SignInPage.PATH, null);
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("type=\"password\""), form.body());
        HttpResponse<String> wrong = postForm(SignInPage.PATH, null, "token=not-the-token");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.headers().firstValue("Set-Cookie").isEmpty(), "no session for a wrong token");

        String cookie = signIn();
        HttpResponse<String> overview = get("/", cookie);
        assertEquals(200, overview.statusCode(), overview.body());
        assertTrue(overview.body().contains("<h1>Overview</h1>"), overview.body());

        HttpResponse<String> bearer = TestServer.send(HttpRequest.newBuilder(server.managementUri("/"))
                .header("Authorization", "Bearer " + TOKEN).GET());
        assertEquals(200, bearer.statusCode());

        HttpResponse<String> signOut = postForm(SignInPage.SIGN_OUT, cookie, "csrf=" + csrf(overview.body()));
        assertEquals(303, signOut.statusCode());
        assertEquals(303, get("/", cookie).statusCode(), "the session ended with the sign-out");
    }

    @Test
    void aStateChangingRequestWithoutTheSessionsCsrfTokenIsRefused() throws Exception {
        start(true);
        assertEquals(200, server.post("/hooks/least", LeastFixtures.recordCreated("least", 1)).statusCode());
        String cookie = signIn();
        String page = get("/console/deliveries/1", cookie).body();
        String token = csrf(page);

        String replay = "/console/deliveries/1/replay";
        assertEquals(403, postForm(replay, cookie, "handler=rec").statusCode(), "no CSRF token");
        assertEquals(403, postForm(replay, cookie, "csrf=" + token + "x").statusCode(), "another token");
        assertEquals(403, postForm(replay, cookie, "csrf=").statusCode(), "an empty token");
        String otherSession = signIn();
        assertEquals(403, postForm(replay, otherSession, "csrf=" + token).statusCode(),
                "the token of another session");
        assertEquals(403, postForm(replay, cookie, "csrf=" + token, "Sec-Fetch-Site", "cross-site").statusCode(),
                "a browser saying the form comes from another site");
        assertEquals(403, postForm(replay, cookie, "csrf=" + token, "Origin", "http://evil.example").statusCode(),
                "another origin");
        assertEquals(403, postForm(ReplayActions.BULK, cookie, "status=failed").statusCode(), "bulk replay too");
        assertEquals(403, postForm(VendorsPage.TEST, cookie, "endpoint=least&type=record.created").statusCode(),
                "a test delivery too");

        HttpResponse<String> replayed = postForm(replay, cookie, "csrf=" + token);
        assertEquals(303, replayed.statusCode(), replayed.body());
        assertEquals("/console/deliveries/1?replayed=1", replayed.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void everyPageHasTheStrictPolicyAndNoInlineScriptOrStyle() throws Exception {
        start(false);
        assertEquals(200, server.post("/hooks/least", LeastFixtures.recordCreated("least", 1)).statusCode());
        for (String path : List.of("/", "/console/deliveries", "/console/deliveries/1", "/console/tail",
                "/console/vendors", SignInPage.PATH)) {
            HttpResponse<String> page = get(path, null);
            assertEquals(200, page.statusCode(), path);
            String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertTrue(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), policy);
            assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
            assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)").matcher(page.body()).find(),
                    path + " has an inline script");
            assertFalse(page.body().contains(" style=\"") || page.body().contains("<style"),
                    path + " has inline style");
            assertFalse(Pattern.compile(" on[a-z]+=\"").matcher(page.body()).find(), path + " has a handler attribute");
        }
        HttpResponse<String> script = get("/console/assets/console.js", null);
        assertEquals(200, script.statusCode());
        assertTrue(script.headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"));
        assertEquals(404, get("/console/assets/../../hookyard.yaml", null).statusCode());
    }

    @Test
    void theOpenLoopbackConsoleGivesASessionForCsrfAndAnswersOnlyToALoopbackHostName() throws Exception {
        start(false);
        HttpResponse<String> first = get("/", null);
        assertEquals(200, first.statusCode());
        String cookie = first.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        assertEquals(403, postForm(ReplayActions.BULK, cookie.substring(0, cookie.indexOf(';')), "status=failed")
                .statusCode(), "open, but not to a form without the CSRF token");

        int port = server.hookyard().managementPort().orElseThrow();
        RawHttp.Response rebound = RawHttp.exchange(port, "GET / HTTP/1.1\r\nHost: attacker.example:" + port
                + "\r\nConnection: close\r\n\r\n");
        assertEquals(421, rebound.status(), "a DNS-rebound name is refused: " + rebound.head());
        RawHttp.Response loopback = RawHttp.exchange(port, "GET / HTTP/1.1\r\nHost: localhost:" + port
                + "\r\nConnection: close\r\n\r\n");
        assertEquals(200, loopback.status(), loopback.head());
    }

    @Test
    void consoleRequestsCountUnderTheirOwnFixedLabel() throws Exception {
        start(false);
        get("/", null);
        get("/console/deliveries?endpoint=anything-at-all", null);
        get("/console/no-such-page", null);
        PrometheusText metrics = PrometheusText.parse(get("/metrics", null).body());
        assertEquals(3.0, metrics.value("hookyard_management_requests_total", "surface", "console"), metrics.text());
        assertEquals(1.0, metrics.value("hookyard_management_requests_total", "surface", "api"),
                "the scrape itself is the API's");
        assertFalse(metrics.text().contains("anything-at-all"), "no label from a request");
    }
}
