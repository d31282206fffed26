package ${package};

import dev.hookyard.spi.EventCatalog;
import dev.hookyard.spi.EventType;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.VendorContext;
import dev.hookyard.spi.VendorFactory;
import java.util.List;

/**
 * The vendor {@value #ID}: one {@link Vendor} per configured endpoint, with that endpoint's keyring. Called at
 * startup only; options, if you add any to {@link #options()}, are checked here.
 */
public final class ${classPrefix}VendorFactory implements VendorFactory {

    /** The id used as {@code vendor:} in conf/hookyard.yaml. */
    public static final String ID = "${pluginId}";

    /** Every event type the platform sends, each with a sample body as the platform sends it. */
    static final EventCatalog CATALOG = new EventCatalog(List.of(
            new EventType("order.created", "An order was placed", ${classPrefix}Event.class,
                    "{\"type\":\"order.created\",\"id\":\"evt_1\",\"data\":{\"order\":\"ord_1\"}}"),
            new EventType("order.cancelled", "An order was cancelled", ${classPrefix}Event.class,
                    "{\"type\":\"order.cancelled\",\"id\":\"evt_2\",\"data\":{\"order\":\"ord_1\"}}")));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "HMAC-SHA256 of the body as sha256=<hex> in " + ${classPrefix}Verifier.HEADER;
    }

    @Override
    public Vendor create(VendorContext context) {
        return new ${classPrefix}Vendor(new ${classPrefix}Verifier(context.keyring()), new ${classPrefix}Parser(),
                CATALOG, new ${classPrefix}Signer());
    }
}
