package dev.hookyard.spi;

import java.util.List;

/**
 * Creates handlers of one type ({@code type: jsonl-archive}) from their configured options.
 *
 * <p>{@link #create(HandlerContext)} is called once per configured handler at startup; it must validate the options
 * (throwing {@link InvalidOptionException}) and may open resources, which {@link Handler#close()} releases.
 */
public interface HandlerFactory {

    /** Stable, lower-case type name used in configuration. */
    String type();

    /** One line for people: what handlers of this type do. */
    String description();

    /** The options this type understands; unknown keys are a startup error. */
    default List<OptionSpec> options() {
        return List.of();
    }

    /** Builds one configured handler. */
    Handler create(HandlerContext context) throws Exception;
}
