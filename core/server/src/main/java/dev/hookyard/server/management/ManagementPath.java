package dev.hookyard.server.management;

import java.util.List;
import org.eclipse.jetty.server.Request;

/**
 * The segments of a management request's path, taken from the path exactly as sent: not percent-decoded, path
 * parameters ({@code ;x}) not removed. Every management path is plain ASCII ({@code /deliveries/42/replay}), so a
 * request spelled any other way matches no route or fails the id check, rather than being normalized into one:
 * {@code /purge;x} is not {@code /purge}, and {@code /deliveries/1;x} or {@code /deliveries/%31} is not delivery 1.
 */
final class ManagementPath {

    private ManagementPath() {
    }

    /** The segments between slashes; one trailing slash is ignored ({@code /deliveries/} is {@code [deliveries]}). */
    static List<String> segments(Request request) {
        String path = request.getHttpURI().getPath();
        if (path == null || !path.startsWith("/")) {
            return List.of("");
        }
        int end = path.length() > 1 && path.endsWith("/") ? path.length() - 1 : path.length();
        return List.of(path.substring(1, end).split("/", -1));
    }
}
