package dev.hookyard.server.plugin;

/**
 * The host packages a plugin sees: the SPI and the built-in vendors' event records, nothing else. Everything
 * else a plugin uses (Jackson, Guava, an HTTP client, in any version) comes from its own JARs, so plugins cannot
 * break the host or each other by bundling a different version of a library.
 */
final class SharedPackages {

    private static final String SPI = "dev.hookyard.spi.";
    private static final String VENDORS = "dev.hookyard.vendor.";
    private static final String EVENTS = ".events.";

    private SharedPackages() {
    }

    /** Whether a class of this name is loaded from the host rather than from the plugin. */
    static boolean isShared(String className) {
        if (className.startsWith(SPI)) {
            return className.indexOf('.', SPI.length()) < 0;
        }
        return isVendorEvents(className);
    }

    /** Whether a class of this name is in a vendor's {@code events} package. */
    static boolean isVendorEvents(String className) {
        if (className.startsWith(VENDORS)) {
            int vendorEnd = className.indexOf('.', VENDORS.length());
            return vendorEnd > 0 && className.startsWith(EVENTS, vendorEnd)
                    && className.indexOf('.', vendorEnd + EVENTS.length()) < 0;
        }
        return false;
    }

    /** Whether a host module may be read by a modular plugin. */
    static boolean isSharedModule(String moduleName) {
        // Vendor modules export only their events packages; vendor support is a library like any other, which a
        // plugin that wants it bundles (its version is the host's business, not the plugin's).
        return moduleName.equals("dev.hookyard.spi")
                || (moduleName.startsWith("dev.hookyard.vendor.") && !moduleName.equals(VENDOR_SUPPORT))
                || moduleName.startsWith("java.") || moduleName.startsWith("jdk.");
    }

    private static final String VENDOR_SUPPORT = "dev.hookyard.vendor.support";
}
