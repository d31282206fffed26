/**
 * Hookyard's Absorb LMS vendor module: verifies the HMAC-SHA256 signature Absorb sends in {@code absorb-signature}
 * (hex or base64, since Absorb does not document which), and parses its lean payloads into the typed records of
 * {@code dev.hookyard.vendor.absorb.events}, the only package handlers see.
 *
 * <p>Jackson is used inside only, reading trees and building records by hand, so nothing is opened to it.
 */
module dev.hookyard.vendor.absorb {
    // transitive: the exported event records expose SPI types (Delivery, WebhookEvent) in their API.
    requires transitive dev.hookyard.spi;
    requires com.fasterxml.jackson.databind;
    // not transitive: no support type appears in the exported events API.
    requires dev.hookyard.vendor.support;

    exports dev.hookyard.vendor.absorb.events;

    provides dev.hookyard.spi.HookyardPlugin with dev.hookyard.vendor.absorb.AbsorbPlugin;
}
