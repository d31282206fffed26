package ${package};

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.GenericEvent;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Parser;
import dev.hookyard.vendor.support.EnvelopeFields;
import dev.hookyard.vendor.support.MalformedBodyException;
import dev.hookyard.vendor.support.StrictJson;

/**
 * Parses a verified body {@code {"type": "...", "id": "...", ...}}: a type in the catalog becomes a
 * {@link ${classPrefix}Event}, any other a {@link GenericEvent}. The platform's event id is the delivery key, so a
 * re-delivery is recognised. A body that is not this envelope is malformed (400); never throws.
 */
final class ${classPrefix}Parser implements Parser {

    @Override
    public ParseResult parse(Delivery delivery) {
        try {
            JsonNode root = StrictJson.EXACT_DECIMALS.readObject(delivery.body());
            String type = EnvelopeFields.nonBlankText(root, "type");
            String id = EnvelopeFields.nonBlankText(root, "id");
            if (${classPrefix}VendorFactory.CATALOG.find(type).isPresent()) {
                return ParseResult.parsed(new ${classPrefix}Event(type, id, delivery));
            }
            return ParseResult.parsed(new GenericEvent(${classPrefix}VendorFactory.ID, type, id, delivery));
        } catch (MalformedBodyException e) {
            return ParseResult.malformed(e.getMessage());
        }
    }
}
