package dev.hookyard.spi;

import java.util.List;

/**
 * Creates the {@link Vendor} of one platform for one configured endpoint.
 *
 * <p>The host creates one {@link Vendor} per endpoint, so each endpoint has its own keyring and options.
 * {@link #create(VendorContext)} must validate the options and throw {@link InvalidOptionException} naming the
 * offending key when they are wrong; it is called at startup, never on the request path.
 */
public interface VendorFactory {

    /** Stable, lower-case identifier used in configuration ({@code vendor: least}). */
    String id();

    /** One line for people: the platform's name and what it signs with. */
    String description();

    /** The endpoint options this vendor understands; unknown keys are a startup error. */
    default List<OptionSpec> options() {
        return List.of();
    }

    /** Builds the vendor for one endpoint. */
    Vendor create(VendorContext context);
}
