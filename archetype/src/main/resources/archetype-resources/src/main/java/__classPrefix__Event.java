package ${package};

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.WebhookEvent;
import java.util.Objects;

/**
 * An event of a type the catalog lists. Add the fields your handlers need, read by the parser.
 *
 * @param type     the event type, e.g. {@code order.created}
 * @param id       the platform's event id: the delivery key
 * @param delivery the verified delivery, raw body included
 */
public record ${classPrefix}Event(String type, String id, Delivery delivery) implements WebhookEvent {

    public ${classPrefix}Event {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(delivery, "delivery");
    }

    @Override
    public String vendor() {
        return ${classPrefix}VendorFactory.ID;
    }

    @Override
    public String deliveryKey() {
        return id;
    }
}
