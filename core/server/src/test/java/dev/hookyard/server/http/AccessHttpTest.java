package dev.hookyard.server.http;

import static dev.hookyard.server.testing.LeastFixtures.SIGNATURE_HEADER;
import static dev.hookyard.server.testing.LeastFixtures.SPEC_SIGNATURE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import dev.hookyard.server.http.RejectionCounters.Reason;
import dev.hookyard.server.testing.LeastFixtures;
import dev.hookyard.server.testing.LogCapture;
import dev.hookyard.server.testing.RawHttp;
import dev.hookyard.server.testing.RecordingHandlers;
import dev.hookyard.server.testing.SettableClock;
import dev.hookyard.server.testing.TestServer;
import dev.hookyard.spi.Delivery;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may call, over a real server: allow lists by client address (X-Forwarded-For believed from trusted proxies
 * only) and per-source rate limits, both decided from the headers, before any of the body is read.
 */
class AccessHttpTest {

    @TempDir
    Path home;

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final AtomicLong ids = new AtomicLong(1000);
    private TestServer server;
    private LogCapture logs;

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.capture();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        logs.close();
        assertEquals(List.of(), logs.atLeast(Level.ERROR));
    }

    private void start(String serverExtra, String endpoints) throws Exception {
        server = TestServer.start(home, """
                server: { host: 127.0.0.1, port: 0 %s }
                store: { path: data }
                endpoints:
                %s
                """.formatted(serverExtra, endpoints) + TestServer.ALL_TO_REC, new RecordingHandlers(), clock);
    }

    private long count(Reason reason) {
        return server.hookyard().rejections().count(reason);
    }

    /** A genuinely signed, distinct delivery over a raw socket, with extra header lines. */
    private RawHttp.Response deliver(String path, String extraHeaders) {
        Delivery delivery = LeastFixtures.recordCreated("x", ids.incrementAndGet());
        String body = delivery.bodyText();
        String signature = delivery.headers().first(SIGNATURE_HEADER).orElseThrow();
        return RawHttp.exchange(server.port(), "POST " + path + " HTTP/1.1\r\nHost: x\r\n" + SIGNATURE_HEADER + ": "
                + signature + "\r\n" + extraHeaders + "Content-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);
    }

    @Test
    void aClientInTheAllowListIsServedAndOneOutsideItGetsAFixed403() throws Exception {
        start("", """
                  open:   { vendor: least, secrets: ["${env:LEAST_SECRET}"], allow: ["127.0.0.0/8", "::1"] }
                  closed: { vendor: least, secrets: ["${env:LEAST_SECRET}"], allow: ["10.0.0.0/8", "2001:db8::/32"] }
                """);

        HttpResponse<String> open = server.post("/hooks/open", LeastFixtures.recordCreated("open", 1));
        HttpResponse<String> closed = server.post("/hooks/closed", LeastFixtures.recordCreated("closed", 2));

        assertEquals(200, open.statusCode());
        assertEquals(403, closed.statusCode());
        assertEquals("forbidden\n", closed.body());
        assertEquals(1, server.deliveryCount(), "the refused delivery is not stored");
        assertEquals(1, count(Reason.NOT_ALLOWED));
    }

    @Test
    void aRefusalIsAnsweredFromTheHeadersWithoutWaitingForTheBody() throws Exception {
        start("", """
                  closed: { vendor: least, secrets: ["${env:LEAST_SECRET}"], allow: ["10.0.0.0/8"] }
                """);

        // A body is announced but never sent: the answer cannot depend on it.
        RawHttp.Response response = RawHttp.exchange(server.port(), "POST /hooks/closed HTTP/1.1\r\nHost: x\r\n"
                + SIGNATURE_HEADER + ": " + SPEC_SIGNATURE + "\r\nContent-Length: 100000\r\n\r\n");

        assertEquals(403, response.status());
        assertEquals("close", response.header("Connection"));
    }

    @Test
    void xForwardedForIsIgnoredFromAPeerThatIsNotATrustedProxy() throws Exception {
        start("", """
                  partner: { vendor: least, secrets: ["${env:LEAST_SECRET}"], allow: ["203.0.113.0/24"] }
                """);

        RawHttp.Response response = deliver("/hooks/partner", "X-Forwarded-For: 203.0.113.5\r\n");

        assertEquals(403, response.status());
        assertEquals(0, server.deliveryCount());
    }

    @Test
    void xForwardedForFromATrustedProxyNamesTheClientByItsRightMostUntrustedEntry() throws Exception {
        start(", trustedProxies: [\"127.0.0.1\", \"10.0.0.0/8\"]", """
                  partner: { vendor: least, secrets: ["${env:LEAST_SECRET}"], allow: ["203.0.113.0/24"] }
                """);

        RawHttp.Response viaProxies = deliver("/hooks/partner", "X-Forwarded-For: 203.0.113.5, 10.1.1.1\r\n");
        RawHttp.Response forgedLeft = deliver("/hooks/partner", "X-Forwarded-For: 203.0.113.5, 198.51.100.9\r\n");
        RawHttp.Response noHeader = deliver("/hooks/partner", "");

        assertEquals(200, viaProxies.status());
        assertEquals(403, forgedLeft.status(), "only the entry our proxy appended is believed");
        assertEquals(403, noHeader.status(), "without the header the client is the proxy itself");
        assertEquals(1, server.deliveryCount());
        assertEquals(2, count(Reason.NOT_ALLOWED));
    }

    @Test
    void overTheRateLimitA429WithRetryAfterUntilTokensComeBack() throws Exception {
        start("", """
                  least: { vendor: least, secrets: ["${env:LEAST_SECRET}"], rateLimit: { requests: 2, per: 10s } }
                """);

        assertEquals(200, deliver("/hooks/least", "").status());
        assertEquals(200, deliver("/hooks/least", "").status());
        RawHttp.Response limited = deliver("/hooks/least", "");

        assertEquals(429, limited.status());
        assertEquals("5", limited.header("Retry-After"));
        assertEquals("too many requests\n", limited.body());
        assertEquals(1, count(Reason.RATE_LIMITED));
        assertEquals(2, server.deliveryCount());

        clock.advance(Duration.ofMillis(4999));
        assertEquals(429, deliver("/hooks/least", "").status());
        clock.advance(Duration.ofMillis(1));
        assertEquals(200, deliver("/hooks/least", "").status());
        assertEquals(3, server.deliveryCount());
    }

    @Test
    void eachClientBehindATrustedProxyHasItsOwnBucket() throws Exception {
        start(", trustedProxies: [\"127.0.0.1\"]", """
                  least: { vendor: least, secrets: ["${env:LEAST_SECRET}"], rateLimit: { requests: 1, per: 1m } }
                """);

        assertEquals(200, deliver("/hooks/least", "X-Forwarded-For: 203.0.113.1\r\n").status());
        RawHttp.Response again = deliver("/hooks/least", "X-Forwarded-For: 203.0.113.1\r\n");
        RawHttp.Response other = deliver("/hooks/least", "X-Forwarded-For: 203.0.113.2\r\n");

        assertEquals(429, again.status());
        assertEquals("60", again.header("Retry-After"));
        assertEquals(200, other.status());
    }

    @Test
    void aRateLimitedRequestIsRefusedBeforeItsBodyIsRead() throws Exception {
        start("", """
                  least: { vendor: least, secrets: ["${env:LEAST_SECRET}"], rateLimit: { requests: 1, per: 1h } }
                """);
        assertEquals(200, deliver("/hooks/least", "").status());

        RawHttp.Response response = RawHttp.exchange(server.port(), ("POST /hooks/least HTTP/1.1\r\nHost: x\r\n"
                + "Content-Length: 100000\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));

        assertEquals(429, response.status());
        assertEquals("3600", response.header("Retry-After"));
        assertEquals(1, server.deliveryCount());
    }
}
