package dev.hookyard.plugin.exec;

import dev.hookyard.spi.WebhookEvent;

import java.util.Map;

/**
 * The environment of one run. Unless {@code inheritEnvironment} is set it starts empty but for {@code PATH}, so that
 * Hookyard's own variables (which may hold secrets: {@code ${env:...}} references in its configuration) never reach
 * the command. Then the fixed {@code HOOKYARD_*} variables, then the {@code env} option's payload values; a mapped
 * variable whose pointer found nothing is removed, even if inherited.
 */
final class CommandEnvironment {

    static final String ENDPOINT = "HOOKYARD_ENDPOINT";
    static final String VENDOR = "HOOKYARD_VENDOR";
    static final String EVENT_TYPE = "HOOKYARD_EVENT_TYPE";
    static final String DELIVERY_KEY = "HOOKYARD_DELIVERY_KEY";
    static final String RECEIVED_AT = "HOOKYARD_RECEIVED_AT";

    private CommandEnvironment() {
    }

    /**
     * Fills {@code environment} (a {@link ProcessBuilder#environment()}, which starts as Hookyard's own).
     *
     * @param payloadValues the values found for the {@code env} option; names configured but absent are removed
     */
    static void fill(Map<String, String> environment, CommandSettings settings, WebhookEvent event,
                     Map<String, String> payloadValues) {
        if (!settings.inheritEnvironment()) {
            environment.clear();
            environment.put("PATH", settings.basePath());
        }
        environment.put(ENDPOINT, event.delivery().endpoint());
        environment.put(VENDOR, event.vendor());
        environment.put(EVENT_TYPE, event.type());
        environment.put(DELIVERY_KEY, event.deliveryKey());
        environment.put(RECEIVED_AT, event.delivery().receivedAt().toString());
        for (String name : settings.variables().names()) {
            String value = payloadValues.get(name);
            if (value == null) {
                environment.remove(name);
            } else {
                environment.put(name, value);
            }
        }
    }
}
