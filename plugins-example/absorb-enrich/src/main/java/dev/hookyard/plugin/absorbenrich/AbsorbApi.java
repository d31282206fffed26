package dev.hookyard.plugin.absorbenrich;

import dev.hookyard.plugin.outboundhttp.TargetUrl;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * Absorb's Integration API, as far as this plugin uses it: {@code POST /authenticate} with the credentials gives a
 * token (a JSON string); {@code GET /users/{id}} and {@code GET /courses/{id}} send it as {@code Authorization},
 * with the private key as {@code x-api-key}.
 *
 * <p>The token is cached and shared by all threads. When a call is answered 401 (the token expired or was
 * revoked), one thread authenticates again and the call is retried once with the new token; threads that saw the
 * same stale token use the new one instead of authenticating again. A second 401 fails the call.
 *
 * <p>Interrupts (the host cancelling a call past its timeout): a call waiting for another call's authentication
 * gives up at once, since the lock is taken interruptibly; an authentication interrupted mid-way leaves the token as
 * it was, so the next call authenticates again.
 *
 * <p>Thread-safe.
 */
final class AbsorbApi {

    /** What may go into a header unchanged; a token with anything else is not something Absorb issues. */
    private static final Pattern HEADER_SAFE = Pattern.compile("[\\x21-\\x7E]+");

    private final TargetUrl baseUrl;
    private final AbsorbCredentials credentials;
    private final OutboundHttp http;
    private final Clock clock;

    /** Held while authenticating; a lock rather than a monitor, so that a thread waiting for it can be interrupted. */
    private final ReentrantLock authentication = new ReentrantLock();
    private volatile String token;

    AbsorbApi(TargetUrl baseUrl, AbsorbCredentials credentials, OutboundHttp http, Clock clock) {
        this.baseUrl = baseUrl;
        this.credentials = credentials;
        this.http = http;
        this.clock = clock;
    }

    /** The user with this id, or empty if Absorb answers 404. */
    Optional<JsonNode> user(String id) throws IOException, InterruptedException {
        return record("users", id);
    }

    /** The course with this id, or empty if Absorb answers 404. */
    Optional<JsonNode> course(String id) throws IOException, InterruptedException {
        return record("courses", id);
    }

    private Optional<JsonNode> record(String collection, String id) throws IOException, InterruptedException {
        if (id.equals(".") || id.equals("..")) {
            // A dot segment would name another resource once a server normalises the path; no record has that id.
            return Optional.empty();
        }
        URI uri = baseUrl.append(collection + "/" + pathSegment(id));
        String call = "GET " + uri;
        String used = currentToken();
        HttpAnswer answer = get(uri, used, call);
        if (answer.status() == 401) {
            answer = get(uri, renewedToken(used), call);
        }
        if (answer.status() == 404) {
            return Optional.empty();
        }
        if (!answer.isSuccess()) {
            throw answer.failure(call, clock.instant());
        }
        try {
            return Optional.of(EnrichJson.read(answer.body()));
        } catch (IOException e) {
            throw new CallFailedException(call + " answered " + answer.status() + " with a body that is not JSON");
        }
    }

    private HttpAnswer get(URI uri, String token, String call) throws CallFailedException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri)
                .header("Authorization", token)
                .header("x-api-key", credentials.privateKey().reveal())
                .header("Accept", "application/json")
                .GET(), call);
    }

    private String currentToken() throws IOException, InterruptedException {
        String current = token;
        return current != null ? current : renewedToken(null);
    }

    /**
     * A token other than {@code stale}: the one another thread fetched meanwhile, or a new one. Held under a lock
     * so that many threads meeting an expired token authenticate once.
     */
    private String renewedToken(String stale) throws IOException, InterruptedException {
        authentication.lockInterruptibly();
        try {
            String current = token;
            if (current != null && !current.equals(stale)) {
                return current;
            }
            token = authenticate();
            return token;
        } finally {
            authentication.unlock();
        }
    }

    private String authenticate() throws IOException, InterruptedException {
        URI uri = baseUrl.append("authenticate");
        String call = "POST " + uri;
        var body = EnrichJson.object()
                .put("username", credentials.username())
                .put("password", credentials.password().reveal())
                .put("privateKey", credentials.privateKey().reveal());
        HttpAnswer answer = http.send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("x-api-key", credentials.privateKey().reveal())
                .POST(HttpRequest.BodyPublishers.ofByteArray(EnrichJson.write(body))), call);
        if (answer.status() == 401 || answer.status() == 403) {
            throw new CallFailedException(call + " answered " + answer.status() + ": Absorb refused the credentials;"
                    + " check the username, password and privateKey options");
        }
        if (!answer.isSuccess()) {
            throw answer.failure(call, clock.instant());
        }
        return tokenIn(answer.body()).orElseThrow(() -> new CallFailedException(call + " answered "
                + answer.status() + " without a token"));
    }

    /** Absorb answers a JSON string; an object's {@code token} field or a bare text token are accepted too. */
    private static Optional<String> tokenIn(byte[] body) {
        String candidate;
        try {
            JsonNode json = EnrichJson.read(body);
            candidate = json.isTextual() ? json.textValue() : json.path("token").asText(null);
        } catch (IOException e) {
            candidate = new String(body, StandardCharsets.UTF_8).strip();
        }
        return Optional.ofNullable(candidate).filter(t -> HEADER_SAFE.matcher(t).matches());
    }

    /**
     * An id as one path segment: everything but unreserved characters percent-encoded, so an id from a payload
     * cannot add segments ({@code /}) or a query ({@code ?}) to the call.
     */
    static String pathSegment(String id) {
        StringBuilder segment = new StringBuilder();
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '~' || c == '.') {
                segment.append(c);
            } else {
                segment.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return segment.toString();
    }
}
