package dev.hookyard.server.testing;

import dev.hookyard.spi.Handler;
import dev.hookyard.spi.HandlerContext;
import dev.hookyard.spi.HandlerFactory;
import dev.hookyard.spi.HookyardPlugin;
import dev.hookyard.spi.Outcome;
import dev.hookyard.spi.WebhookEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A test plugin contributing handler type {@code recording}: every handler built from it records each event it is
 * called with (handler name and event) and answers as scripted for its configured name: done by default, or
 * failing N times first, or dropping, or asking to retry later.
 */
public final class RecordingHandlers implements HookyardPlugin {

    /** The handler type this plugin contributes. */
    public static final String TYPE = "recording";

    /**
     * One call of one handler.
     *
     * @param traceHeaders what {@link HandlerContext#traceHeaders()} gave the call
     */
    public record Call(String handler, WebhookEvent event, Map<String, String> traceHeaders) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Function<Integer, Outcome>> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> callCounts = new ConcurrentHashMap<>();
    private final Set<String> closed = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> instances = new ConcurrentHashMap<>();

    @Override
    public List<HandlerFactory> handlers() {
        return List.of(new HandlerFactory() {
            @Override
            public String type() {
                return TYPE;
            }

            @Override
            public String description() {
                return "records events for tests";
            }

            @Override
            public Handler create(HandlerContext context) {
                instances.computeIfAbsent(context.name(), n -> new AtomicInteger()).incrementAndGet();
                return new Recorder(context);
            }
        });
    }

    /**
     * Scripts handler {@code name}: the function gets the 1-based number of the call and returns the outcome, or
     * throws to fail the call.
     */
    public RecordingHandlers script(String name, Function<Integer, Outcome> script) {
        scripts.put(name, script);
        return this;
    }

    /** Handler {@code name} throws on its first {@code failures} calls, then succeeds. */
    public RecordingHandlers failTimes(String name, int failures) {
        return script(name, call -> {
            if (call <= failures) {
                throw new IllegalStateException("scripted failure " + call + " of " + failures);
            }
            return Outcome.done();
        });
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The events handler {@code name} was called with, in order. */
    public List<WebhookEvent> events(String name) {
        List<WebhookEvent> events = new ArrayList<>();
        for (Call call : calls) {
            if (call.handler().equals(name)) {
                events.add(call.event());
            }
        }
        return events;
    }

    /** How many times handler {@code name} was called with an event of this delivery key. */
    public long callsWithKey(String name, String deliveryKey) {
        return events(name).stream().filter(e -> e.deliveryKey().equals(deliveryKey)).count();
    }

    /** How many instances of handler {@code name} were built. */
    public int instances(String name) {
        AtomicInteger built = instances.get(name);
        return built == null ? 0 : built.get();
    }

    public boolean isClosed(String name) {
        return closed.contains(name);
    }

    private final class Recorder implements Handler {
        private final String name;
        private final HandlerContext context;

        Recorder(HandlerContext context) {
            this.name = context.name();
            this.context = context;
        }

        @Override
        public Outcome handle(WebhookEvent event) {
            int call = callCounts.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
            calls.add(new Call(name, event, context.traceHeaders().current()));
            Function<Integer, Outcome> script = scripts.get(name);
            return script == null ? Outcome.done() : script.apply(call);
        }

        @Override
        public void close() {
            closed.add(name);
        }
    }
}
