package dev.hookyard.plugin.httpforward;

import dev.hookyard.spi.Handler;
import dev.hookyard.spi.HandlerContext;
import dev.hookyard.spi.HandlerFactory;
import dev.hookyard.spi.OptionSpec;

import java.util.List;

/**
 * Builds {@code http-forward} handlers. The options are read and checked by {@link ForwardSettings#from}, so a
 * wrong value stops startup with an {@link dev.hookyard.spi.InvalidOptionException} naming the key.
 */
public final class HttpForwardHandlerFactory implements HandlerFactory {

    static final String TYPE = "http-forward";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "POSTs each event to a URL (any HTTP endpoint, a Slack incoming webhook, a Zapier or Make catch hook)"
                + " as its raw body, a JSON envelope or a Slack message, optionally HMAC-signed";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                // Secret: Slack, Zapier and Make URLs are bearer credentials; anyone holding one can post to it.
                OptionSpec.required(ForwardSettings.URL, "the http or https URL to POST each event to").asSecret(),
                OptionSpec.optional(ForwardSettings.FORMAT, "raw (the body as received, with its Content-Type),"
                        + " envelope (a JSON object with the event's endpoint, vendor, type, deliveryKey,"
                        + " receivedAt and body) or slack (a Slack message {\"text\": ...}); default raw"),
                OptionSpec.optional(ForwardSettings.TEXT, "with format slack: the message text, a template that may"
                        + " use " + EventField.placeholderList() + "; default \"" + ForwardSettings.DEFAULT_TEXT
                        + "\""),
                // Secret: a static Authorization header is the usual reason to configure headers at all.
                OptionSpec.optional(ForwardSettings.HEADERS, "extra request headers: a map of header name to a"
                        + " template that may use " + EventField.placeholderList() + " (never payload values)")
                        .asSecret(),
                OptionSpec.optional(ForwardSettings.SIGNING_SECRET, "a key to sign each request with: adds the"
                        + " header sha256=<hex HMAC-SHA256 of the exact body bytes sent>; default no signature")
                        .asSecret(),
                OptionSpec.optional(ForwardSettings.SIGNATURE_HEADER, "the name of the signature header; default "
                        + ForwardSettings.DEFAULT_SIGNATURE_HEADER),
                OptionSpec.optional(ForwardSettings.TIMEOUT_SECONDS, "seconds to wait for the connection and for"
                        + " the response, 1 to 300; default " + ForwardSettings.DEFAULT_TIMEOUT_SECONDS));
    }

    @Override
    public Handler create(HandlerContext context) {
        return new HttpForwardHandler(ForwardSettings.from(context.options()), context);
    }
}
