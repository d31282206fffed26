package ${package};

import dev.hookyard.spi.Handler;
import dev.hookyard.spi.Outcome;
import dev.hookyard.spi.WebhookEvent;

/**
 * Logs one line per event. Called from several threads at once and at least once per event: keep it thread-safe
 * and idempotent (the delivery key identifies an event). Throwing means "retry later"; return
 * {@link Outcome#retryAfter} or {@link Outcome#drop} to say more.
 */
final class ${classPrefix}Handler implements Handler {

    private final String label;
    private final System.Logger logger;

    ${classPrefix}Handler(String label, System.Logger logger) {
        this.label = label;
        this.logger = logger;
    }

    @Override
    public Outcome handle(WebhookEvent event) {
        logger.log(System.Logger.Level.INFO, "{0}: vendor={1} type={2} key={3}",
                label, event.vendor(), event.type(), event.deliveryKey());
        return Outcome.done();
    }
}
