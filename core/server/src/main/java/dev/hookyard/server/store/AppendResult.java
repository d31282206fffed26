package dev.hookyard.server.store;

/** What {@link DeliveryStore#append(NewDelivery)} did; both results are durable when returned. */
public sealed interface AppendResult {

    /** The delivery id in the store. */
    long id();

    /** Newly stored and committed. */
    record Stored(long id) implements AppendResult {
    }

    /** The endpoint already has a delivery with this key; nothing was written, nothing will be dispatched. */
    record Duplicate(long id) implements AppendResult {
    }
}
