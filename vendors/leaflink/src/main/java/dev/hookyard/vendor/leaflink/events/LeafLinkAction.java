package dev.hookyard.vendor.leaflink.events;

import java.util.Optional;

/**
 * What happened to the order or product: the envelope's {@code action}, one of the three values LeafLink's
 * "NEW &amp; CHANGED" subscriptions send.
 */
public enum LeafLinkAction {
    /** {@code "create"}: the order or product is new. */
    CREATE("create"),
    /** {@code "edit"}: the order or product changed. */
    EDIT("edit"),
    /** {@code "delete"}: the order or product was deleted. */
    DELETE("delete");

    private final String wireName;

    LeafLinkAction(String wireName) {
        this.wireName = wireName;
    }

    /** The value of the envelope's {@code action} field, e.g. {@code "create"}. */
    public String wireName() {
        return wireName;
    }

    /** The action with this exact (case-sensitive) wire name, if LeafLink documents it. */
    public static Optional<LeafLinkAction> fromWireName(String wireName) {
        for (LeafLinkAction action : values()) {
            if (action.wireName.equals(wireName)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
