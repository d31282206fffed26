/**
 * The low-level pieces every Hookyard vendor module needs, implemented and tested once: HMAC-SHA256 keyed with a
 * secret's UTF-8 bytes (or raw key bytes), the strict Jackson reading of bodies and the first envelope checks, JSON
 * trees as plain Java values, ASCII-only case and hex handling, canonical base64, signed Unix timestamps with the
 * tolerance options that bound them, and the argument checks of event records.
 *
 * <p><strong>Not part of the SPI.</strong> The SPI ({@code dev.hookyard.spi}) is the only API Hookyard keeps
 * stable for plugins; this module may change in any release, and plugins must not rely on the host's copy (a
 * plain-JAR plugin's class loader sees only the SPI and the vendors' {@code events} packages of the host). A
 * third-party vendor module may use this library, but its plugin must bundle its own copy of
 * {@code hookyard-vendor-support} (and of Jackson), exactly as it would any other library; the built-in vendors
 * get the copy in the distribution's {@code lib/}.
 *
 * <p>Jackson appears in this module's API ({@code JsonNode}), so it is required transitively; nothing here is
 * meant to appear in a vendor's exported {@code events} API.
 */
module dev.hookyard.vendor.support {
    // transitive: Secret and Delivery appear in this module's API.
    requires transitive dev.hookyard.spi;
    // transitive: JsonNode and ObjectNode appear in this module's API.
    requires transitive com.fasterxml.jackson.databind;

    exports dev.hookyard.vendor.support;
}
