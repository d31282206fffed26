/**
 * Hookyard's Standard Webhooks vendor module: verifies deliveries signed as the Standard Webhooks specification
 * says (and Svix-based senders sign them): {@code v1} HMAC-SHA256 and {@code v1a} Ed25519 signatures over
 * {@code id.timestamp.body} in {@code webhook-signature}, the timestamp within the endpoint's tolerance; and parses
 * their bodies into the record of {@code dev.hookyard.vendor.standardwebhooks.events}, the only package handlers see.
 *
 * <p>Jackson is used inside only, reading trees and building records by hand, so nothing is opened to it.
 */
module dev.hookyard.vendor.standardwebhooks {
    // transitive: the exported event record exposes SPI types (Delivery, WebhookEvent) in its API.
    requires transitive dev.hookyard.spi;
    requires com.fasterxml.jackson.databind;
    // not transitive: no support type appears in the exported events API.
    requires dev.hookyard.vendor.support;

    exports dev.hookyard.vendor.standardwebhooks.events;

    provides dev.hookyard.spi.HookyardPlugin with dev.hookyard.vendor.standardwebhooks.StandardWebhooksPlugin;
}
