package dev.hookyard.plugin.absorbenrich;

import dev.hookyard.spi.Handler;
import dev.hookyard.spi.HandlerContext;
import dev.hookyard.spi.HandlerFactory;
import dev.hookyard.spi.OptionSpec;

import java.util.List;

/**
 * Builds {@code absorb-enrich} handlers. The options are read and checked by {@link EnrichSettings#from}, so a
 * wrong value stops startup with an {@link dev.hookyard.spi.InvalidOptionException} naming the key. Nothing is
 * called at startup: Absorb is first asked for a token when the first event arrives.
 */
public final class AbsorbEnrichHandlerFactory implements HandlerFactory {

    static final String TYPE = "absorb-enrich";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "Fetches the user and course an Absorb LMS event names from Absorb's Integration API and forwards"
                + " the event, enriched with them, as JSON to a URL";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.required(EnrichSettings.BASE_URL, "the Integration API's base URL, e.g."
                        + " https://rest.myabsorb.com (…/authenticate, …/users/{id} and …/courses/{id} are under it)"),
                OptionSpec.required(EnrichSettings.USERNAME, "the API admin user's username"),
                OptionSpec.required(EnrichSettings.PASSWORD, "the API admin user's password").asSecret(),
                OptionSpec.required(EnrichSettings.PRIVATE_KEY, "the portal's Integration API private key, sent in"
                        + " the authenticate request and as x-api-key").asSecret(),
                // Secret: Zapier and Make catch-hook URLs are bearer credentials.
                OptionSpec.required(EnrichSettings.FORWARD_URL, "the http or https URL to POST each enriched event"
                        + " to").asSecret(),
                OptionSpec.optional(EnrichSettings.TIMEOUT_SECONDS, "seconds to wait for each connection and"
                        + " response (Absorb's and the forward target's), 1 to 300; default "
                        + EnrichSettings.DEFAULT_TIMEOUT_SECONDS));
    }

    @Override
    public Handler create(HandlerContext context) {
        return new AbsorbEnrichHandler(EnrichSettings.from(context.options()), context);
    }
}
