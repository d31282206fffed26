package dev.hookyard.fuzz;

import dev.hookyard.server.testing.RawHttp;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One request over a plain socket, bytes exactly as given (malformed HTTP included): writes them, half-closes so
 * the server sees where they end, and reads until the server closes.
 */
final class RawExchange {

    /** No response within this is a hang, which the property test reports as a failure. */
    private static final int READ_TIMEOUT_MILLIS = 15_000;
    private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/\\d\\.\\d (\\d{3})[ \\r]");
    /** Any later response on the same connection (a pipelined request): its status counts too. */
    private static final Pattern LATER_STATUS_LINE = Pattern.compile("HTTP/1\\.[01] (\\d{3}) ");

    /**
     * What came back.
     *
     * @param status the status code, or 0 when the server closed the connection without a response
     * @param body   the response body as text (after the header block), for "accepted" versus "duplicate"
     * @param worstStatus the highest status of every response on the connection (pipelined requests)
     */
    record Answer(int status, String body, int worstStatus) {
        boolean closedWithoutResponse() {
            return status == 0;
        }
    }

    private RawExchange() {
    }

    static Answer exchange(int port, byte[] request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                socket.shutdownOutput();
            } catch (SocketException e) {
                // The server answered and closed before reading everything (413, 431, a bad request line):
                // what it sent is still there to read.
            }
            return parse(RawHttp.readAll(socket.getInputStream()));
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server neither answered nor closed within " + READ_TIMEOUT_MILLIS
                    + " ms: " + preview(request), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer parse(byte[] raw) {
        if (raw.length == 0) {
            return new Answer(0, "", 0);
        }
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        Matcher status = STATUS_LINE.matcher(text);
        if (!status.find()) {
            throw new AssertionError("not an HTTP response: " + text.substring(0, Math.min(200, text.length())));
        }
        int first = Integer.parseInt(status.group(1));
        int worst = first;
        Matcher later = LATER_STATUS_LINE.matcher(text);
        later.region(1, text.length());
        while (later.find()) {
            worst = Math.max(worst, Integer.parseInt(later.group(1)));
        }
        int end = text.indexOf("\r\n\r\n");
        return new Answer(first, end < 0 ? "" : text.substring(end + 4), worst);
    }

    static String preview(byte[] request) {
        String text = new String(request, 0, Math.min(request.length, 160), StandardCharsets.ISO_8859_1);
        return text.replace("\r", "\\r").replace("\n", "\\n") + (request.length > 160 ? "..." : "");
    }
}
