package dev.hookyard.testkit;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.EventCatalog;
import dev.hookyard.spi.EventType;
import dev.hookyard.spi.GenericEvent;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Parser;
import dev.hookyard.spi.Signer;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.Verifier;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal vendor for testing the test kit itself: its signer emits two headers whose values depend on both the
 * body and the secret, so a test can tell whether the kit passed the right ones and kept every header.
 */
final class ToyVendor implements Vendor {

    static final EventCatalog CATALOG = new EventCatalog(List.of(
            new EventType("toy.made", "A toy was made.", GenericEvent.class, "{\"event\":\"toy.made\",\"id\":1}"),
            new EventType("toy.sold", "A toy was sold.", GenericEvent.class, "{\"event\":\"toy.sold\",\"id\":2}")));

    static Map<String, String> expectedHeaders(byte[] body, String secret) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Toy-Signature", secret + ":" + new String(body, StandardCharsets.UTF_8).length());
        headers.put("X-Toy-Length", Integer.toString(body.length));
        return headers;
    }

    @Override
    public Verifier verifier() {
        throw new UnsupportedOperationException("not needed by the test kit's tests");
    }

    @Override
    public Parser parser() {
        return (Delivery d) -> ParseResult.malformed("toy");
    }

    @Override
    public EventCatalog catalog() {
        return CATALOG;
    }

    @Override
    public Signer signer() {
        return (body, secret) -> expectedHeaders(body, secret.reveal());
    }
}
