/**
 * Hookyard's GitHub vendor module: verifies the HMAC-SHA256 signature GitHub sends in {@code X-Hub-Signature-256}
 * (and, where an endpoint allows it, the legacy HMAC-SHA1 {@code X-Hub-Signature}), names each delivery by
 * {@code X-GitHub-Event} and the body's {@code action}, and parses the common events into the typed records of
 * {@code dev.hookyard.vendor.github.events}, the only package handlers see.
 *
 * <p>Jackson is used inside only, reading trees and building records by hand, so nothing is opened to it.
 */
module dev.hookyard.vendor.github {
    // transitive: the exported event records expose SPI types (Delivery, WebhookEvent) in their API.
    requires transitive dev.hookyard.spi;
    requires com.fasterxml.jackson.databind;
    // not transitive: no support type appears in the exported events API.
    requires dev.hookyard.vendor.support;

    exports dev.hookyard.vendor.github.events;

    provides dev.hookyard.spi.HookyardPlugin with dev.hookyard.vendor.github.GitHubPlugin;
}
