package dev.hookyard.vendor.leaflink.events;

import dev.hookyard.vendor.support.RecordArguments;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One line of an order: an entry of {@code data.orderedproduct_set}.
 *
 * @param id        the wire {@code id} of the line (a JSON number is given as its decimal text), or {@code null}
 * @param productId the ordered product's id: the wire {@code product} when it is an id, or {@code product.id} when it
 *                  is an expanded object; {@code null} when absent
 * @param quantity  the wire {@code quantity}, a JSON number or a decimal string (LeafLink's API sends
 *                  {@code "24.0000"}), exactly as sent; {@code null} when absent or not a number
 * @param fields    every field of the line as plain Java values (String, Long or BigInteger, BigDecimal, Boolean,
 *                  {@code null}, unmodifiable List and Map). Unmodifiable; the record keeps a shallow copy
 */
public record OrderedProduct(String id, String productId, BigDecimal quantity, Map<String, Object> fields) {

    public OrderedProduct {
        fields = RecordArguments.frozenMap(fields, "fields");
    }
}
