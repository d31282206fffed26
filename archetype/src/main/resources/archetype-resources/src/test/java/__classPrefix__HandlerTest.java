package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.GenericEvent;
import dev.hookyard.spi.Handler;
import dev.hookyard.spi.HandlerContext;
import dev.hookyard.spi.Headers;
import dev.hookyard.spi.InvalidOptionException;
import dev.hookyard.spi.Options;
import dev.hookyard.spi.Outcome;
import dev.hookyard.spi.WebhookEvent;
import dev.hookyard.testkit.HandlerCall;
import dev.hookyard.testkit.VendorContexts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ${classPrefix}HandlerTest {

    private final RecordingLogger logger = new RecordingLogger();

    /** What the host gives the factory for one configured handler. */
    private HandlerContext context(Map<String, ?> options) {
        return new HandlerContext("mine", Options.of(options), VendorContexts.FIXED_CLOCK, logger, Path.of("."));
    }

    /** An event as a vendor parses one: here a generic event around a delivery to endpoint "orders". */
    private static WebhookEvent event(String type, String json) {
        Delivery delivery = new Delivery("orders", Headers.empty(), json.getBytes(StandardCharsets.UTF_8),
                VendorContexts.FIXED_INSTANT);
        return new GenericEvent("acme", type, delivery.bodySha256(), delivery);
    }

    @Test
    void logsOneLinePerEventAndIsDone() throws Exception {
        WebhookEvent event = event("order.created", "{\"id\":\"ord_1\"}");
        try (Handler handler = new ${classPrefix}HandlerFactory().create(context(Map.of("label", "orders")))) {
            // On a thread of its own, as the host calls it.
            assertEquals(Outcome.done(), HandlerCall.call(handler, event));
        }
        assertEquals(List.of("orders: vendor=acme type=order.created key=" + event.deliveryKey()), logger.lines);
    }

    @Test
    void aBlankLabelIsRefusedAtStartup() {
        InvalidOptionException refused = assertThrows(InvalidOptionException.class,
                () -> new ${classPrefix}HandlerFactory().create(context(Map.of("label", " "))));
        assertEquals("label", refused.key());
    }

    /** Keeps what the handler logs, formatted as the host formats it. */
    private static final class RecordingLogger implements System.Logger {

        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public String getName() {
            return "test";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
            lines.add(message);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            lines.add(params == null || params.length == 0 ? format : MessageFormat.format(format, params));
        }
    }
}
