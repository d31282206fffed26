/**
 * Hookyard's LEAST vendor module: verifies the HMAC-SHA256 signatures of LEAST's Collection API webhooks
 * ({@code X-LEAST-Signature}) and Workflow / LMS Rule Engine webhooks ({@code X-WF-Signature}), and parses their
 * bodies into the typed records of {@code dev.hookyard.vendor.least.events}, the only package handlers see.
 *
 * <p>Jackson is used inside only, reading trees and building records by hand, so nothing is opened to it.
 */
module dev.hookyard.vendor.least {
    // transitive: the exported event records expose SPI types (Delivery, WebhookEvent) in their API.
    requires transitive dev.hookyard.spi;
    requires com.fasterxml.jackson.databind;
    // not transitive: no support type appears in the exported events API.
    requires dev.hookyard.vendor.support;

    exports dev.hookyard.vendor.least.events;

    provides dev.hookyard.spi.HookyardPlugin with dev.hookyard.vendor.least.LeastPlugin;
}
