package dev.hookyard.testkit.plugin;

import dev.hookyard.spi.Delivery;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 POST to the receiver over a fresh loopback connection, closed after the answer. A plain socket
 * rather than {@code java.net.http}: that client keeps idle connections open and refuses a
 * {@code Connection: close} header, and an open idle connection makes the receiver's graceful stop wait.
 */
final class LoopbackPost {

    private static final int TIMEOUT_MILLIS = 30_000;

    private LoopbackPost() {
    }

    /** Posts the delivery's body with its headers to {@code path}; returns the status code. */
    static int send(int port, String path, Delivery delivery) {
        StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("Content-Length: ").append(delivery.body().length).append("\r\n")
                .append("Connection: close\r\n");
        delivery.headers().toMap().forEach((name, values) -> values.forEach(value ->
                head.append(name).append(": ").append(value).append("\r\n")));
        head.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(delivery.body());
            out.flush();
            return status(statusLine(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException("posting to the receiver failed", e);
        }
    }

    private static String statusLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            line.write(b);
        }
        return line.toString(StandardCharsets.ISO_8859_1).trim();
    }

    private static int status(String statusLine) {
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IllegalStateException("not an HTTP answer: " + statusLine);
        }
        return Integer.parseInt(parts[1]);
    }
}
