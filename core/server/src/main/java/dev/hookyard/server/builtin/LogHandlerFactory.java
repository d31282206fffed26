package dev.hookyard.server.builtin;

import dev.hookyard.spi.Handler;
import dev.hookyard.spi.HandlerContext;
import dev.hookyard.spi.HandlerFactory;
import dev.hookyard.spi.Outcome;
import dev.hookyard.spi.WebhookEvent;
import java.util.List;

/**
 * Type {@code log}: one INFO line per event (endpoint, vendor, type, delivery key, size), so that a fresh install
 * visibly does something. The body is not logged: it may hold personal data.
 */
public final class LogHandlerFactory implements HandlerFactory {

    @Override
    public String type() {
        return "log";
    }

    @Override
    public String description() {
        return "Logs one line per event: endpoint, vendor, type, delivery key and body size (never the body).";
    }

    @Override
    public List<dev.hookyard.spi.OptionSpec> options() {
        return List.of();
    }

    @Override
    public Handler create(HandlerContext context) {
        System.Logger logger = context.logger();
        return event -> {
            logger.log(System.Logger.Level.INFO, () -> line(event));
            return Outcome.done();
        };
    }

    static String line(WebhookEvent event) {
        return "event endpoint=" + event.delivery().endpoint() + " vendor=" + event.vendor() + " type="
                + event.type() + " key=" + event.deliveryKey() + " bytes=" + event.delivery().bodyLength()
                + " receivedAt=" + event.delivery().receivedAt();
    }
}
