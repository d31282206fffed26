package dev.hookyard.server.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The console's script and style sheet, read once from the server's JAR: a fixed list, so no path a caller sends
 * ever reaches the class loader.
 */
final class StaticAssets extends Handler.Abstract {

    static final String PREFIX = "/console/assets/";
    private static final Map<String, String> TYPES = Map.of(
            "console.css", "text/css; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8");

    private final Map<String, String> contents;

    StaticAssets() {
        super(InvocationType.NON_BLOCKING);
        contents = Map.of("console.css", read("console.css"), "console.js", read("console.js"));
    }

    private static String read(String name) {
        try (InputStream in = StaticAssets.class.getResourceAsStream("assets/" + name)) {
            if (in == null) {
                throw new IllegalStateException("console asset " + name + " is missing from the server's JAR");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String name = Request.getPathInContext(request).substring(PREFIX.length());
        String content = contents.get(name);
        if (content == null) {
            return ConsolePages.plain(response, HttpStatus.NOT_FOUND_404, "not found", callback);
        }
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        return ConsolePages.send(response, HttpStatus.OK_200, TYPES.get(name), content, callback);
    }
}
