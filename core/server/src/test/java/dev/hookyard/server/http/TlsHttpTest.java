package dev.hookyard.server.http;

import static dev.hookyard.server.testing.LeastFixtures.SIGNATURE_HEADER;
import static dev.hookyard.server.testing.LeastFixtures.SPEC_BODY;
import static dev.hookyard.server.testing.LeastFixtures.SPEC_SIGNATURE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.testing.Eventually;
import dev.hookyard.server.testing.LeastFixtures;
import dev.hookyard.server.testing.RawHttp;
import dev.hookyard.server.testing.RecordingHandlers;
import dev.hookyard.server.testing.TestKeystores;
import dev.hookyard.server.testing.TestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS end to end with a keystore the test makes: deliveries over TLS, no plain HTTP, and a keystore reload. */
class TlsHttpTest {

    private static final String PASSWORD = "test-keystore-password-7f3a";

    @TempDir
    Path home;

    private TestServer server;
    private X509Certificate first;

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(home.resolve("conf"));
        TestKeystores.create(home.resolve("conf/tls.p12"), PASSWORD, "first");
        Files.writeString(home.resolve("conf/tls-password"), PASSWORD + "\n");
        first = TestKeystores.certificate(home.resolve("conf/tls.p12"), PASSWORD);
        server = TestServer.start(home, """
                server:
                  host: 127.0.0.1
                  port: 0
                  tls: { keystore: conf/tls.p12, password: "${file:conf/tls-password}", reloadInterval: 1s }
                  limits: { headerTimeout: 2s }
                store: { path: data }
                management: { enabled: false }
                """ + TestServer.LEAST_TO_REC, new RecordingHandlers());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aSignedDeliveryOverHttpsIsAcceptedAndAForgedOneRefused() throws Exception {
        HttpClient client = client(TestKeystores.trusting(first));
        assertEquals("https", server.hookyard().scheme());

        HttpResponse<String> genuine = post(client, SPEC_BODY, SPEC_SIGNATURE);
        HttpResponse<String> forged = post(client, "{\"event\":\"record.created\",\"record_id\":7}",
                "sha256=" + "0".repeat(64));

        assertEquals(200, genuine.statusCode());
        assertEquals("accepted\n", genuine.body());
        assertTrue(server.findByKey("least", LeastFixtures.keyOf(SPEC_BODY)).isPresent());
        assertEquals(401, forged.statusCode());
        assertEquals(1, server.deliveryCount());
        String protocol = genuine.sslSession().orElseThrow().getProtocol();
        assertTrue(protocol.equals("TLSv1.3") || protocol.equals("TLSv1.2"), protocol);
    }

    @Test
    void plainHttpToTheTlsPortGetsNoHttpAnswer() throws Exception {
        byte[] answer;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /hooks/least HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            answer = RawHttp.readAll(socket.getInputStream());
        }

        String text = new String(answer, StandardCharsets.ISO_8859_1);
        assertFalse(text.startsWith("HTTP/"), text);
        assertEquals(0, server.deliveryCount());
    }

    @Test
    void headersDrippingInOverTlsGet408AtTheHeaderTimeout() throws Exception {
        try (SSLSocket socket = (SSLSocket) TestKeystores.trusting(first).getSocketFactory()
                .createSocket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            OutputStream out = socket.getOutputStream();
            out.write("POST /hooks/least HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();

            String answer = new String(RawHttp.readAll(socket.getInputStream()), StandardCharsets.ISO_8859_1);

            assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
            assertTrue(answer.endsWith("request timeout\n"), answer);
        }
        assertEquals(1, server.hookyard().rejections().count(RejectionCounters.Reason.HEADER_TIMEOUT));
    }

    @Test
    void aTlsHandshakeThatNeverCompletesIsClosedAtTheHeaderTimeout() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            socket.setSoTimeout(10_000);
            // The first bytes of a TLS record carrying a ClientHello, and then nothing.
            socket.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00, 0x01});

            // Closed (after a TLS alert, at most): readAll returns once the server has closed the connection.
            String answer = new String(RawHttp.readAll(socket.getInputStream()), StandardCharsets.ISO_8859_1);
            assertFalse(answer.contains("HTTP/"), answer);
        }
        assertEquals(1, server.hookyard().rejections().count(RejectionCounters.Reason.HEADER_TIMEOUT));
    }

    @Test
    void tlsBelow12IsRefused() throws Exception {
        SSLContext context = TestKeystores.trusting(first);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            String[] old = Arrays.stream(socket.getSupportedProtocols())
                    .filter(p -> p.equals("TLSv1.1") || p.equals("TLSv1")).toArray(String[]::new);
            if (old.length == 0) {
                return; // this JDK cannot even offer them: nothing to refuse
            }
            socket.setEnabledProtocols(old);
            try {
                socket.startHandshake();
                throw new AssertionError("handshake with " + socket.getSession().getProtocol() + " succeeded");
            } catch (IOException expected) {
                // refused: the server offers TLS 1.2 and 1.3 only
            }
        }
    }

    @Test
    void aReplacedKeystoreIsServedAfterTheReload() throws Exception {
        Path keystore = home.resolve("conf/tls.p12");
        Path next = home.resolve("next.p12");
        TestKeystores.create(next, PASSWORD, "second");
        X509Certificate second = TestKeystores.certificate(next, PASSWORD);
        assertNotEquals(first, second);
        assertEquals(first, peerCertificate());

        Files.move(next, keystore, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        Eventually.await(Duration.ofSeconds(20), () -> second.equals(peerCertificate()),
                () -> "the server still presents the first certificate");
        HttpResponse<String> response = post(client(TestKeystores.trusting(second)), SPEC_BODY, SPEC_SIGNATURE);
        assertEquals(200, response.statusCode());
    }

    /** The certificate the server presents to a new connection (whatever it is: this client trusts everyone). */
    private X509Certificate peerCertificate() {
        try {
            SSLContext trustAll = SSLContext.getInstance("TLS");
            trustAll.init(null, new javax.net.ssl.TrustManager[] {new TrustEveryone()}, null);
            try (SSLSocket socket = (SSLSocket) trustAll.getSocketFactory().createSocket("127.0.0.1", server.port())) {
                socket.setSoTimeout(10_000);
                socket.startHandshake();
                return (X509Certificate) socket.getSession().getPeerCertificates()[0];
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpClient client(SSLContext context) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(context)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    private HttpResponse<String> post(HttpClient client, String body, String signature) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + "/hooks/least"))
                .header(SIGNATURE_HEADER, signature).header("Content-Type", "application/json")
                .header("Connection", "close").timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** For reading which certificate is presented, not for trusting it. */
    private static final class TrustEveryone implements javax.net.ssl.X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
