package dev.hookyard.spi;

import java.util.List;

/**
 * The entry point of a Hookyard plugin JAR, found with {@link java.util.ServiceLoader}.
 *
 * <p>A plugin contributes vendor modules (which verify and parse deliveries of one platform), handler types (which
 * act on events), or both. Implementations must have a public no-argument constructor (or a public static
 * {@code provider()} method when declared in a {@code module-info}) and must not do work in it: the host calls
 * {@link #vendors()} and {@link #handlers()} once at startup and builds everything else from the factories.
 */
public interface HookyardPlugin {

    /** Vendor modules this plugin contributes; each {@link VendorFactory#id()} must be unique in the server. */
    default List<VendorFactory> vendors() {
        return List.of();
    }

    /** Handler types this plugin contributes; each {@link HandlerFactory#type()} must be unique in the server. */
    default List<HandlerFactory> handlers() {
        return List.of();
    }
}
