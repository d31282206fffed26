/**
 * Hookyard example plugin {@code http-forward}: POSTs each event routed to it to a URL (any HTTP endpoint, a Slack
 * incoming webhook, a Zapier or Make catch hook), as the raw body, a JSON envelope or a Slack message, with
 * optional header templates and an optional HMAC-SHA256 signature over the exact bytes sent.
 *
 * <p>Outbound HTTP is the JDK's {@code java.net.http}; the only bundled library is Jackson's streaming core.
 */
module dev.hookyard.plugin.httpforward {
    requires dev.hookyard.spi;
    requires dev.hookyard.plugin.outboundhttp;
    requires java.net.http;
    requires com.fasterxml.jackson.core;

    provides dev.hookyard.spi.HookyardPlugin with dev.hookyard.plugin.httpforward.HttpForwardPlugin;
}
