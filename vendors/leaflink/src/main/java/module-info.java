/**
 * Hookyard's LeafLink vendor module: verifies the {@code LL-Signature} of LeafLink's order and product webhooks
 * (standard base64 of HMAC-SHA256 of the body with the company webhook key) and parses their
 * {@code {"action","type","data"}} envelope into the typed records of {@code dev.hookyard.vendor.leaflink.events},
 * the only package handlers see.
 *
 * <p>Jackson is used inside only, reading trees and building records by hand, so nothing is opened to it.
 */
module dev.hookyard.vendor.leaflink {
    // transitive: the exported event records expose SPI types (Delivery, WebhookEvent) in their API.
    requires transitive dev.hookyard.spi;
    requires com.fasterxml.jackson.databind;
    // not transitive: no support type appears in the exported events API.
    requires dev.hookyard.vendor.support;

    exports dev.hookyard.vendor.leaflink.events;

    provides dev.hookyard.spi.HookyardPlugin with dev.hookyard.vendor.leaflink.LeafLinkPlugin;
}
