package dev.hookyard.testkit.plugin;

import dev.hookyard.testkit.CompiledJar;
import java.nio.file.Path;

/** Real plugin JARs, compiled and packed during the test the way an author's build makes them. */
final class TestPlugins {

    /**
     * Handler type {@code answer}: answers each event as its {@code answer} option says (required: done, drop or
     * fail). A drop's reason tells what the handler saw: the event's class and key, and whether the context class
     * loader was the plugin's own. Option {@code limit} (1 to 100) exists to be given a bad value.
     */
    static final String ANSWER_PLUGIN = """
            package acme;

            import dev.hookyard.spi.*;
            import java.util.List;

            public class AnswerPlugin implements HookyardPlugin {
                @Override
                public List<HandlerFactory> handlers() {
                    return List.of(new AnswerFactory());
                }
            }

            class AnswerFactory implements HandlerFactory {
                public String type() { return "answer"; }
                public String description() { return "Answers each event as configured"; }
                public List<OptionSpec> options() {
                    return List.of(OptionSpec.required("answer", "done, drop or fail"),
                            OptionSpec.optional("limit", "a number from 1 to 100; 10 by default"));
                }
                public Handler create(HandlerContext context) {
                    String answer = context.options().oneOf("answer", List.of("done", "drop", "fail"), "done");
                    context.options().longValue("limit", 10, 1, 100);
                    return event -> {
                        boolean ownLoader = Thread.currentThread().getContextClassLoader()
                                == AnswerFactory.class.getClassLoader();
                        switch (answer) {
                            case "drop":
                                return Outcome.drop(event.getClass().getName() + " " + event.deliveryKey()
                                        + " own-context-loader=" + ownLoader);
                            case "fail":
                                throw new IllegalStateException("failing as configured");
                            default:
                                return Outcome.done();
                        }
                    };
                }
            }
            """;

    /** An entry point that uses Jackson, which it does not bundle: on the test's class path, not in the plugin's. */
    static final String JACKSON_PLUGIN = """
            package acme;

            import com.fasterxml.jackson.databind.ObjectMapper;
            import dev.hookyard.spi.*;
            import java.util.List;

            public class JacksonPlugin implements HookyardPlugin {
                private static final ObjectMapper JSON = new ObjectMapper();
                @Override
                public List<HandlerFactory> handlers() {
                    return List.of();
                }
            }
            """;

    /** An entry point that does work in its constructor, which fails. */
    static final String FAILING_CONSTRUCTOR_PLUGIN = """
            package acme;

            import dev.hookyard.spi.*;

            public class EagerPlugin implements HookyardPlugin {
                public EagerPlugin() {
                    throw new IllegalStateException("connecting at construction");
                }
            }
            """;

    private TestPlugins() {
    }

    /** The answer plugin as a plain JAR with its {@code META-INF/services} entry. */
    static Path answerJar(Path directory) {
        return CompiledJar.builder().source("acme.AnswerPlugin", ANSWER_PLUGIN).hookyardPlugin("acme.AnswerPlugin")
                .writeTo(directory.resolve("answer.jar"));
    }
}
