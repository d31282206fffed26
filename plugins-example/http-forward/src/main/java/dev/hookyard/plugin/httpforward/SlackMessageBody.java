package dev.hookyard.plugin.httpforward;

import dev.hookyard.spi.WebhookEvent;

/**
 * {@code format: slack}: {@code {"text": "..."}}, the body a Slack incoming webhook accepts (it answers 400
 * {@code invalid_payload} or {@code no_text} to anything else, so a raw vendor body cannot be sent there).
 *
 * <p>The text is the {@code text} template. Field values are escaped as Slack asks ({@code &}, {@code <},
 * {@code >}), so a value cannot form a link or a mention; the template's own text is not, so users can write
 * Slack markup such as {@code <!here>} or {@code *bold*}.
 *
 * @param text the message template
 */
record SlackMessageBody(EventTemplate text) implements BodyFormat {

    @Override
    public ForwardedBody render(WebhookEvent event) {
        String message = text.render(event, SlackMessageBody::escape);
        return new ForwardedBody(Json.object(json -> json.writeStringField("text", message)), ForwardedBody.JSON);
    }

    static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
