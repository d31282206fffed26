/**
 * Hookyard's configurable HMAC vendor module: verifies the signature of any platform that signs the raw body (or a
 * timestamp and the body) with HMAC-SHA1, -SHA256 or -SHA512, in a header named by the endpoint's options, and
 * parses each body into the {@code HmacEvent} record of {@code dev.hookyard.vendor.hmac.events}, the only package
 * handlers see.
 *
 * <p>Jackson is used inside only, reading trees and building records by hand, so nothing is opened to it.
 */
module dev.hookyard.vendor.hmac {
    // transitive: the exported event record exposes SPI types (Delivery, WebhookEvent) in its API.
    requires transitive dev.hookyard.spi;
    requires com.fasterxml.jackson.databind;
    // not transitive: no support type appears in the exported events API.
    requires dev.hookyard.vendor.support;

    exports dev.hookyard.vendor.hmac.events;

    provides dev.hookyard.spi.HookyardPlugin with dev.hookyard.vendor.hmac.HmacPlugin;
}
