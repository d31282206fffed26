package dev.hookyard.vendor.acme;

import dev.hookyard.spi.EventCatalog;
import dev.hookyard.spi.EventType;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.VendorContext;
import dev.hookyard.spi.VendorFactory;
import dev.hookyard.vendor.acme.events.OrderPlaced;
import java.util.List;

// tag::factory[]
public final class AcmeVendorFactory implements VendorFactory {

    static final EventCatalog CATALOG = new EventCatalog(List.of(
            new EventType(OrderPlaced.TYPE, "A customer placed an order", OrderPlaced.class,
                    "{\"type\":\"order.placed\",\"order_id\":\"A-1001\",\"total\":\"24.50\"}")));

    @Override
    public String id() {
        return "acme";
    }

    @Override
    public String description() {
        return "Acme Shop (HMAC-SHA256 of the body in X-Acme-Signature)";
    }

    @Override
    public Vendor create(VendorContext context) {
        AcmeSignature signature = new AcmeSignature(context.keyring());
        return new Vendor() {
            public dev.hookyard.spi.Verifier verifier() {
                return signature::verify;
            }

            public dev.hookyard.spi.Parser parser() {
                return AcmeParser::parse;
            }

            public EventCatalog catalog() {
                return CATALOG;
            }

            public dev.hookyard.spi.Signer signer() {
                return AcmeSignature::sign;
            }
        };
    }
}
// end::factory[]
