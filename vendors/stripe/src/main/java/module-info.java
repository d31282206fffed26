/**
 * Hookyard's Stripe vendor module: verifies the {@code Stripe-Signature} header Stripe sends with every webhook event
 * (HMAC-SHA256 over {@code timestamp.body}, the timestamp within the endpoint's tolerance), and parses events into
 * the records of {@code dev.hookyard.vendor.stripe.events}, the only package handlers see.
 *
 * <p>Jackson is used inside only, reading trees and building records by hand, so nothing is opened to it.
 */
module dev.hookyard.vendor.stripe {
    // transitive: the exported event records expose SPI types (Delivery, WebhookEvent) in their API.
    requires transitive dev.hookyard.spi;
    requires com.fasterxml.jackson.databind;
    // not transitive: no support type appears in the exported events API.
    requires dev.hookyard.vendor.support;

    exports dev.hookyard.vendor.stripe.events;

    provides dev.hookyard.spi.HookyardPlugin with dev.hookyard.vendor.stripe.StripePlugin;
}
