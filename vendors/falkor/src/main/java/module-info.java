/**
 * Hookyard's Falkor vendor module: verifies the HMAC-SHA256 signatures that Falkor and its white labels send in
 * {@code <Platform>-Webhook-Signature} ({@code Falkor-}, {@code ByteKast-}, {@code TrainiApp-Webhook-Signature},
 * ...), and parses their batch bodies into the typed records of {@code dev.hookyard.vendor.falkor.events}, the only
 * package handlers see.
 *
 * <p>Jackson is used inside only, reading trees and building records by hand, so nothing is opened to it.
 */
module dev.hookyard.vendor.falkor {
    // transitive: the exported event records expose SPI types (Delivery, WebhookEvent) in their API.
    requires transitive dev.hookyard.spi;
    requires com.fasterxml.jackson.databind;
    // not transitive: no support type appears in the exported events API.
    requires dev.hookyard.vendor.support;

    exports dev.hookyard.vendor.falkor.events;

    provides dev.hookyard.spi.HookyardPlugin with dev.hookyard.vendor.falkor.FalkorPlugin;
}
