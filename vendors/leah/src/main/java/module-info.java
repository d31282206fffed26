/**
 * Hookyard's Leah vendor module: verifies the static {@code Authorization} credential Leah sends with every webhook
 * ({@code Basic} user:password or {@code Bearer} token; Leah signs nothing about the body), and parses the bodies
 * into the typed records of {@code dev.hookyard.vendor.leah.events}, the only package handlers see.
 *
 * <p>Jackson is used inside only, reading trees and building records by hand, so nothing is opened to it.
 */
module dev.hookyard.vendor.leah {
    // transitive: the exported event records expose SPI types (Delivery, WebhookEvent) in their API.
    requires transitive dev.hookyard.spi;
    requires com.fasterxml.jackson.databind;
    // not transitive: no support type appears in the exported events API.
    requires dev.hookyard.vendor.support;

    exports dev.hookyard.vendor.leah.events;

    provides dev.hookyard.spi.HookyardPlugin with dev.hookyard.vendor.leah.LeahPlugin;
}
