package dev.hookyard.server.testing;

import static dev.hookyard.server.testing.LeastFixtures.SIGNATURE_HEADER;
import static dev.hookyard.server.testing.LeastFixtures.SPEC_BODY;
import static dev.hookyard.server.testing.LeastFixtures.SPEC_SIGNATURE;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Clients on chosen loopback addresses ({@code 127.0.0.2} is another client than {@code 127.0.0.1} to the server,
 * since Linux routes all of 127/8 to the loopback interface), speaking HTTP/1.1 over plain sockets.
 */
public final class LoopbackClients {

    /** The address of a well-behaved client. */
    public static final String GOOD = "127.0.0.1";
    /** The address of an attacker: another client as far as per-client limits go. */
    public static final String OTHER = "127.0.0.2";

    private LoopbackClients() {
    }

    /** A socket from {@code from} connected to the server on {@code port}, reading with a 10 s timeout. */
    public static Socket connect(String from, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(GOOD, port), 5000);
            socket.setSoTimeout(10_000);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** The SPEC delivery to {@code /hooks/least}, signed; {@code connection} is {@code close} or {@code keep-alive}. */
    public static String signedRequest(String connection) {
        return "POST /hooks/least HTTP/1.1\r\nHost: x\r\n" + SIGNATURE_HEADER + ": " + SPEC_SIGNATURE + "\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + SPEC_BODY.length() + "\r\nConnection: "
                + connection + "\r\n\r\n" + SPEC_BODY;
    }

    /** Sends the signed SPEC delivery from {@code from} on a connection of its own, and returns the whole answer. */
    public static String deliver(String from, int port) {
        try (Socket socket = connect(from, port)) {
            socket.getOutputStream().write(signedRequest("close").getBytes(StandardCharsets.ISO_8859_1));
            return readToEnd(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Everything the server sends until it closes the connection (a reset after the answer ends it too, keeping what
     * arrived); fails if the server neither closes nor sends anything for the read timeout.
     */
    public static String readToEnd(Socket socket) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                bytes.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server did not close the connection; got: "
                    + bytes.toString(StandardCharsets.ISO_8859_1), e);
        } catch (IOException e) {
            // reset after the answer: keep what arrived
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    /** One response with a {@code Content-Length} body, read from a connection the server keeps open. */
    public static String readResponse(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("closed mid-response: " + head.toString(StandardCharsets.ISO_8859_1));
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        RawHttp.Response parsed = new RawHttp.Response(Integer.parseInt(text.substring(9, 12)), text, "");
        int length = Integer.parseInt(parsed.header("Content-Length"));
        return text + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
    }
}
