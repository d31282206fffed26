package ${package};

import dev.hookyard.spi.Handler;
import dev.hookyard.spi.HandlerContext;
import dev.hookyard.spi.HandlerFactory;
import dev.hookyard.spi.InvalidOptionException;
import dev.hookyard.spi.OptionSpec;
import java.util.List;

/**
 * Handlers of type {@value #TYPE}. The host rejects option keys not listed in {@link #options()}; the values are
 * checked in {@link #create(HandlerContext)}, at startup, so a bad configuration never reaches an event.
 */
public final class ${classPrefix}HandlerFactory implements HandlerFactory {

    /** The type name used under {@code handlers:} in conf/hookyard.yaml. */
    public static final String TYPE = "${pluginId}";

    static final String LABEL = "label";
    private static final int MAX_LABEL_LENGTH = 100;

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "Logs one line per event";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.optional(LABEL, "text in front of each logged line; default " + TYPE));
    }

    @Override
    public Handler create(HandlerContext context) {
        String label = context.options().string(LABEL).orElse(TYPE);
        if (label.isBlank() || label.length() > MAX_LABEL_LENGTH) {
            throw new InvalidOptionException(LABEL, "must be 1 to " + MAX_LABEL_LENGTH + " characters",
                    "write " + LABEL + ": <text>");
        }
        return new ${classPrefix}Handler(label, context.logger());
    }
}
