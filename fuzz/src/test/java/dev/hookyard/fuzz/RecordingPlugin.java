package dev.hookyard.fuzz;

import dev.hookyard.spi.Handler;
import dev.hookyard.spi.HandlerContext;
import dev.hookyard.spi.HandlerFactory;
import dev.hookyard.spi.HookyardPlugin;
import dev.hookyard.spi.Outcome;
import dev.hookyard.spi.WebhookEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Contributes handler type {@code recording}: every call is recorded and answered done. */
final class RecordingPlugin implements HookyardPlugin {

    static final String TYPE = "recording";

    private final List<WebhookEvent> calls = new CopyOnWriteArrayList<>();

    List<WebhookEvent> calls() {
        return List.copyOf(calls);
    }

    @Override
    public List<HandlerFactory> handlers() {
        return List.of(new HandlerFactory() {
            @Override
            public String type() {
                return TYPE;
            }

            @Override
            public String description() {
                return "records every event it is called with";
            }

            @Override
            public Handler create(HandlerContext context) {
                return event -> {
                    calls.add(event);
                    return Outcome.done();
                };
            }
        });
    }
}
