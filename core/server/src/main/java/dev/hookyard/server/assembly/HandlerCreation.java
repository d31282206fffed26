package dev.hookyard.server.assembly;

import dev.hookyard.server.config.ConfigProblem;
import dev.hookyard.server.plugin.ContextClassLoader;
import dev.hookyard.spi.Handler;
import dev.hookyard.spi.HandlerContext;
import dev.hookyard.spi.HandlerFactory;
import dev.hookyard.spi.InvalidOptionException;
import java.util.List;
import java.util.Optional;

/**
 * Creates one configured handler exactly as startup does: its options checked against the factory's declared
 * ones (unknown keys, required ones), then the factory's own checks in {@link HandlerFactory#create}, run with
 * the plugin's class loader as the context class loader. Startup and the plugin test harness both go through
 * here, so a plugin's test sees the messages the operator would.
 */
public final class HandlerCreation {

    private HandlerCreation() {
    }

    /**
     * The handler, or empty with the reasons added to {@code problems}.
     *
     * @param key        where the handler is configured, e.g. {@code handlers.archive}
     * @param type       its configured type, for messages
     * @param origin     " (from plugins/NAME)" for a dropped-in factory, else empty, for messages
     */
    public static Optional<Handler> create(String key, String type, HandlerFactory factory, HandlerContext context,
                                           String origin, List<ConfigProblem> problems) {
        int before = problems.size();
        OptionCheck.check(key + ".options", context.options(), factory.options(), "handler type " + type, problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        try {
            return Optional.of(ContextClassLoader.callAs(factory, () -> factory.create(context)));
        } catch (InvalidOptionException e) {
            problems.add(new ConfigProblem(key + ".options." + e.key(), e.problem(), e.fix()));
        } catch (Exception e) {
            problems.add(new ConfigProblem(key, "handler type " + type + origin + " failed to start ("
                    + e.getClass().getName() + ")", "check the handler's options and the resources it uses"));
        }
        return Optional.empty();
    }
}
