package dev.hookyard.testkit.plugin;

import java.util.List;

/** What the host makes of a handler type and its options: a handler, or the problems that stop startup. */
public sealed interface HandlerSetup {

    /**
     * The options pass the host's checks and the factory's own: here is the handler.
     *
     * @param handler the handler, to be closed by the test
     */
    record Created(HandlerUnderTest handler) implements HandlerSetup {
    }

    /**
     * The host refuses the options; startup would stop with these lines.
     *
     * @param problems each as the startup error lists it ({@code handlers.TYPE.options.KEY: problem (fix: ...)})
     */
    record Refused(List<String> problems) implements HandlerSetup {
        public Refused {
            problems = List.copyOf(problems);
        }
    }
}
