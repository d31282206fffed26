package dev.hookyard.server.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookyard.server.activity.LiveTail;
import dev.hookyard.server.activity.TailEvent;
import dev.hookyard.server.inspect.DeliveryJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;

/**
 * The live tail as server-sent events ({@code GET /console/tail/events}): {@code accepted} and {@code refused}
 * events with names, ids, reason codes and the client address, never a header value, secret or body; a comment
 * every {@link #KEEP_ALIVE_MILLIS} ms while nothing happens, so a viewer that went away is noticed; {@code missed}
 * when the viewer read too slowly and events were dropped. Each viewer holds one management thread while it
 * watches, so at most a few watch at once (503 beyond).
 */
final class TailStream extends Handler.Abstract {

    static final String PATH = "/console/tail/events";
    static final long KEEP_ALIVE_MILLIS = 15_000;
    private static final ObjectWriter JSON = DeliveryJson.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

    private final LiveTail tail;

    TailStream(LiveTail tail) {
        super(InvocationType.BLOCKING);
        this.tail = tail;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Optional<LiveTail.Subscription> subscribed = tail.subscribe();
        if (subscribed.isEmpty()) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "30");
            return ConsolePages.plain(response, HttpStatus.SERVICE_UNAVAILABLE_503,
                    "too many live tail viewers at once; close one and retry", callback);
        }
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        try (LiveTail.Subscription subscription = subscribed.get()) {
            write(response, "retry: 3000\n: connected\n\n");
            while (true) {
                LiveTail.Next next = subscription.next(KEEP_ALIVE_MILLIS);
                if (next instanceof LiveTail.Next.Event event) {
                    String missed = event.missed() == 0 ? ""
                            : "event: missed\ndata: {\"missed\":" + event.missed() + "}\n\n";
                    write(response, missed + format(event.event()));
                } else if (next instanceof LiveTail.Next.Idle) {
                    write(response, ": keep-alive\n\n");
                } else {
                    break; // Next.Ended: the server stops
                }
            }
            response.write(true, null, callback);
        } catch (IOException e) {
            callback.failed(e); // the viewer went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            callback.failed(e);
        }
        return true;
    }

    /** Ends every viewer's stream, so that the management server's stop does not wait for them. */
    @Override
    protected void doStop() throws Exception {
        tail.close();
        super.doStop();
    }

    private static void write(Response response, String text) throws IOException {
        try (Blocker.Callback blocker = Blocker.callback()) {
            response.write(false, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), blocker);
            blocker.block();
        }
    }

    /** One event; its JSON is on one line, as {@code data:} needs. */
    static String format(TailEvent event) throws JsonProcessingException {
        ObjectNode data = DeliveryJson.MAPPER.createObjectNode().put("at", event.at().toString())
                .put("endpoint", event.endpoint());
        String name;
        if (event instanceof TailEvent.Accepted accepted) {
            name = "accepted";
            data.put("vendor", accepted.vendor()).put("type", accepted.eventType()).put("id", accepted.id())
                    .put("handlers", accepted.handlers());
        } else {
            TailEvent.Refused refused = (TailEvent.Refused) event; // the other of the two
            name = "refused";
            data.put("reason", refused.reason()).put("client", refused.client());
        }
        return "event: " + name + "\ndata: " + JSON.writeValueAsString(data) + "\n\n";
    }
}
