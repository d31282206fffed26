package dev.hookyard.vendor.leaflink.events;

import dev.hookyard.vendor.support.RecordArguments;

import java.util.Map;

/**
 * The buyer of an order: {@code data.customer}.
 *
 * <p>Usually an object; when a payload carries only the customer's id ({@code "customer": 9921}, as LeafLink's REST
 * API does unless the customer is expanded), that id is kept and the other components are {@code null}.
 *
 * @param id            the wire {@code customer.id} (a JSON number is given as its decimal text), or {@code null}
 * @param name          the wire {@code customer.name}, or {@code null}
 * @param licenseNumber the wire {@code customer.license_number} (the buyer's cannabis license), or {@code null}
 * @param fields        every field of the customer object as plain Java values; empty when only an id was sent.
 *                      Unmodifiable; the record keeps a shallow copy
 */
public record Customer(String id, String name, String licenseNumber, Map<String, Object> fields) {

    public Customer {
        fields = RecordArguments.frozenMap(fields, "fields");
    }
}
