package dev.hookyard.server.http;

import static dev.hookyard.server.testing.LeastFixtures.SIGNATURE_HEADER;
import static dev.hookyard.server.testing.LeastFixtures.SPEC_BODY;
import static dev.hookyard.server.testing.LeastFixtures.SPEC_SIGNATURE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.Hookyard;
import dev.hookyard.server.testing.RawHttp;
import dev.hookyard.server.testing.TestServer;
import dev.hookyard.spi.EventCatalog;
import dev.hookyard.spi.HookyardPlugin;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.VendorContext;
import dev.hookyard.spi.VendorFactory;
import dev.hookyard.spi.Verification;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors that Jetty produces itself (bad HTTP, oversized headers) and errors from a broken vendor module: each is
 * answered with a short fixed text that echoes nothing the sender sent and nothing from an exception.
 */
class ErrorResponsesTest {

    private static final String MARKER = "ECHO-MARKER-c0ffee";

    @TempDir
    Path home;

    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        String yaml = TestServer.serverSection() + """
                endpoints:
                  least: { vendor: least, secrets: ["${env:LEAST_SECRET}"] }
                  broken: { vendor: exploding }
                handlers:
                  log: { type: log }
                routes:
                  - { to: [log] }
                """;
        server = TestServer.wrap(Hookyard.start(TestServer.load(home, yaml),
                TestServer.plugins(new ExplodingVendorPlugin()), Clock.systemUTC()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aMalformedRequestLineGetsAFixed400() {
        RawHttp.Response response = RawHttp.exchange(server.port(),
                "POST /hooks/least " + MARKER + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertEquals(400, response.status());
        assertEquals("bad request\n", response.body());
        assertFalse(response.head().contains(MARKER), response.head());
    }

    @Test
    void anUnknownHttpVersionIsTheSendersMistakeA400NotA505() {
        RawHttp.Response response = RawHttp.exchange(server.port(),
                "POST /hooks/least HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertEquals(400, response.status());
        assertEquals("bad request\n", response.body());
    }

    @Test
    void aGarbageRequestGetsAFixed400() {
        RawHttp.Response response = RawHttp.exchange(server.port(), MARKER + "\r\n\r\n");

        assertEquals(400, response.status());
        assertEquals("bad request\n", response.body());
        assertFalse(response.head().contains(MARKER), response.head());
    }

    @Test
    void anOversizedHeaderGetsAFixed431() {
        String request = "POST /hooks/least HTTP/1.1\r\nHost: x\r\n"
                + "X-Big: " + MARKER + "a".repeat(64 * 1024) + "\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n";

        RawHttp.Response response = RawHttp.exchange(server.port(), request);

        assertEquals(431, response.status());
        assertEquals("request header fields too large\n", response.body());
        assertFalse(response.head().contains(MARKER), response.head());
    }

    @Test
    void anIllegalUriIsAFixed400() {
        RawHttp.Response response = RawHttp.exchange(server.port(),
                "POST /hooks/%zz" + MARKER + " HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

        assertEquals(400, response.status());
        assertFalse(response.body().contains(MARKER), response.body());
        assertFalse(response.head().contains(MARKER), response.head());
        assertTrue(response.body().length() < 40, response.body());
    }

    @Test
    void aVendorThatThrowsGetsAFixed500WithoutTheExceptionText() {
        HttpResponse<String> response = server.post("/hooks/broken", "{\"event\":\"x\"}", Map.of());

        assertEquals(500, response.statusCode());
        assertEquals("internal error\n", response.body());
    }

    @Test
    void aConnectionStaysUsableAfterA401AndServesSeveralDeliveries() {
        String forged = request(SPEC_BODY, "sha256=" + "0".repeat(64), false);
        String genuine = request(SPEC_BODY, SPEC_SIGNATURE, false);
        String notFound = "POST /nope HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

        RawHttp.Response response = RawHttp.exchange(server.port(), forged + genuine + notFound);

        // Three answers on one connection, in order; the parser reads the first one's head and the rest as body.
        assertEquals(401, response.status());
        assertNull(response.header("Connection"), "a 401 does not close the connection");
        String rest = response.body();
        int second = rest.indexOf("HTTP/1.1 200");
        int third = rest.indexOf("HTTP/1.1 404");
        assertTrue(rest.startsWith("unauthorized\n"), rest);
        assertTrue(second > 0 && third > second, rest);
        assertTrue(rest.substring(second, third).endsWith("accepted\n"), rest);
        assertTrue(rest.endsWith("not found\n"), rest);
    }

    private static String request(String body, String signature, boolean close) {
        return "POST /hooks/least HTTP/1.1\r\nHost: x\r\n" + SIGNATURE_HEADER + ": " + signature + "\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n"
                + (close ? "Connection: close\r\n" : "") + "\r\n" + body;
    }

    /** Contributes vendor {@code exploding}, which accepts every delivery and then throws while parsing it. */
    static final class ExplodingVendorPlugin implements HookyardPlugin {
        @Override
        public List<VendorFactory> vendors() {
            return List.of(new VendorFactory() {
                @Override
                public String id() {
                    return "exploding";
                }

                @Override
                public String description() {
                    return "throws from its parser";
                }

                @Override
                public Vendor create(VendorContext context) {
                    return new Vendor() {
                        @Override
                        public dev.hookyard.spi.Verifier verifier() {
                            return delivery -> Verification.verified("none");
                        }

                        @Override
                        public dev.hookyard.spi.Parser parser() {
                            return delivery -> {
                                throw new IllegalStateException("parser exploded: " + MARKER + " "
                                        + delivery.bodyText());
                            };
                        }

                        @Override
                        public EventCatalog catalog() {
                            return new EventCatalog(List.of());
                        }

                        @Override
                        public dev.hookyard.spi.Signer signer() {
                            return (body, secret) -> Map.of();
                        }
                    };
                }
            });
        }
    }
}
