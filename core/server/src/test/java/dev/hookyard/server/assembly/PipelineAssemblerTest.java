package dev.hookyard.server.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.assembly.PipelineAssembler.Pipeline;
import dev.hookyard.server.config.ConfigProblem;
import dev.hookyard.server.config.HookyardConfig;
import dev.hookyard.server.config.InvalidConfigException;
import dev.hookyard.server.testing.LeastFixtures;
import dev.hookyard.server.testing.RecordingHandlers;
import dev.hookyard.server.testing.TestServer;
import dev.hookyard.spi.EventCatalog;
import dev.hookyard.spi.EventType;
import dev.hookyard.spi.GenericEvent;
import dev.hookyard.spi.Handler;
import dev.hookyard.spi.HandlerContext;
import dev.hookyard.spi.HandlerFactory;
import dev.hookyard.spi.HookyardPlugin;
import dev.hookyard.spi.InvalidOptionException;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Parser;
import dev.hookyard.spi.Signer;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.VendorContext;
import dev.hookyard.spi.VendorFactory;
import dev.hookyard.spi.Verification;
import dev.hookyard.spi.Verifier;
import java.nio.file.Path;
import java.time.Clock;
import dev.hookyard.server.filter.FilterSubject;
import dev.hookyard.spi.Headers;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cross-checks of the configuration against the installed plugins, reported by key with did-you-mean hints. */
class PipelineAssemblerTest {

    private static final String MARKER = "sk_live_FROM_AN_EXCEPTION";

    @TempDir
    Path home;

    private final RecordingHandlers recording = new RecordingHandlers();

    private Pipeline assemble(String yaml) {
        HookyardConfig config = TestServer.load(home, yaml);
        return new PipelineAssembler(TestServer.plugins(recording, new AwkwardPlugin(), new PingerPlugin()), Clock.systemUTC())
                .assemble(config);
    }

    private InvalidConfigException fails(String yaml) {
        return assertThrows(InvalidConfigException.class, () -> assemble(yaml));
    }

    private static ConfigProblem at(InvalidConfigException e, String key) {
        Optional<ConfigProblem> found = e.problems().stream().filter(p -> p.key().equals(key)).findFirst();
        return found.orElseThrow(() -> new AssertionError("no problem at " + key + " in " + e.getMessage()));
    }

    @Test
    void aValidConfigurationBuildsEndpointsHandlersAndRoutes() throws Exception {
        Pipeline pipeline = assemble("""
                endpoints:
                  least: { vendor: least, secrets: ["${env:LEAST_SECRET}"], maxBodyBytes: 2000 }
                  wf: { vendor: least, path: /wf, secrets: ["x"], options: { channel: workflow, strict: true } }
                handlers:
                  rec: { type: recording }
                  log: { type: log }
                routes:
                  - { from: least, events: ["record.*"], to: [rec] }
                  - { from: "*", to: [log, rec] }
                """);

        assertEquals(List.of("least", "wf"), pipeline.endpoints().all().stream().map(e -> e.name()).toList());
        var least = pipeline.endpoints().byPath("/hooks/least").orElseThrow();
        assertEquals(2000, least.maxBodyBytes());
        assertTrue(least.vendor().verifier().verify(LeastFixtures.signed("least").sample("record.created"))
                instanceof Verification.Verified, "the endpoint's keyring holds the resolved secret");
        assertTrue(pipeline.handlers().named("rec").isPresent());
        assertEquals(List.of("rec", "log"), pipeline.routes().handlersFor("least", "least", "record.created", FilterSubject.of(Headers.empty(), new byte[0])));
        assertEquals(List.of("log", "rec"), pipeline.routes().handlersFor("wf", "least", "record.created", FilterSubject.of(Headers.empty(), new byte[0])));
        pipeline.handlers().close();
        assertTrue(recording.isClosed("rec"));
    }

    @Test
    void anUnknownVendorIsReportedWithTheClosestKnownOne() {
        ConfigProblem problem = at(fails("endpoints: { least: { vendor: leats } }\n"), "endpoints.least.vendor");

        assertEquals("unknown vendor 'leats' (did you mean 'least'?)", problem.problem());
        assertTrue(problem.fix().contains("least"), problem.fix());
    }

    @Test
    void anUnknownHandlerTypeIsReportedWithTheClosestKnownOne() {
        ConfigProblem problem = at(fails("""
                endpoints: { least: { vendor: least } }
                handlers: { h: { type: recordng } }
                """), "handlers.h.type");

        assertEquals("unknown handler type 'recordng' (did you mean 'recording'?)", problem.problem());
        assertTrue(problem.fix().contains("log") && problem.fix().contains("recording"), problem.fix());
    }

    @Test
    void aRouteToAnUndeclaredHandlerIsReportedByItsIndex() {
        InvalidConfigException e = fails("""
                endpoints: { least: { vendor: least } }
                handlers: { archive: { type: recording } }
                routes:
                  - { to: [archive] }
                  - { to: [archive, arcive] }
                """);

        assertEquals("unknown handler 'arcive' (did you mean 'archive'?)", at(e, "routes[1].to[1]").problem());
        assertEquals(1, e.problems().size(), e.getMessage());
    }

    @Test
    void aRouteFromAnEndpointNameThatDoesNotExistIsReportedButGlobsAreNot() {
        InvalidConfigException single = fails("""
                endpoints: { least: { vendor: least } }
                handlers: { h: { type: recording } }
                routes:
                  - { from: lest, to: [h] }
                """);
        assertEquals("no endpoint is named 'lest' (did you mean 'least'?)", at(single, "routes[0].from").problem());

        InvalidConfigException list = fails("""
                endpoints: { least: { vendor: least } }
                handlers: { h: { type: recording } }
                routes:
                  - { from: ["le*", "nowhere", "?east"], to: [h] }
                """);
        assertEquals("no endpoint is named 'nowhere'", at(list, "routes[0].from[1]").problem());
        assertEquals(1, list.problems().size(), list.getMessage());
    }

    @Test
    void aRouteToAnEventTypeNoVendorOfItsEndpointsSendsIsReportedWithTheClosestOne() {
        InvalidConfigException single = fails("""
                endpoints: { least: { vendor: least } }
                handlers: { h: { type: recording } }
                routes:
                  - { events: record.craeted, to: [h] }
                """);
        ConfigProblem problem = at(single, "routes[0].events");
        assertEquals("no vendor this route takes events from (least) sends event type 'record.craeted'"
                + " (did you mean 'record.created'?)", problem.problem());
        assertEquals("use an event type from the catalog of least, or a glob such as \"record.*\"", problem.fix());

        InvalidConfigException list = fails("""
                endpoints: { least: { vendor: least } }
                handlers: { h: { type: recording } }
                routes:
                  - { from: least, events: ["record.*", record.created, "badge.?arned", lesson.done], to: [h] }
                """);
        assertEquals("no vendor this route takes events from (least) sends event type 'lesson.done'",
                at(list, "routes[0].events[3]").problem().replace(" (did you mean 'lesson.completed'?)", ""));
        assertEquals(1, list.problems().size(), list.getMessage());
    }

    @Test
    void eventTypesAreCheckedOnlyAgainstTheVendorsOfTheEndpointsTheRouteMatches() {
        InvalidConfigException e = fails("""
                endpoints: { least: { vendor: least }, pings: { vendor: pinger } }
                handlers: { h: { type: recording } }
                routes:
                  - { from: pings, events: [record.created], to: [h] }
                  - { vendor: least, events: [record.created, ping], to: [h] }
                  - { from: nowhere, events: [record.created], to: [h] }
                  - { events: [record.created, ping], to: [h] }
                """);

        assertEquals("no vendor this route takes events from (pinger) sends event type 'record.created'",
                at(e, "routes[0].events").problem());
        assertEquals("no vendor this route takes events from (least) sends event type 'ping'",
                at(e, "routes[1].events[1]").problem());
        assertEquals(List.of("routes[0].events", "routes[1].events[1]", "routes[2].from"),
                e.problems().stream().map(ConfigProblem::key).toList(),
                "a route from no endpoint is reported by its from only; one from both vendors takes both types");
    }

    @Test
    void aBadVendorOptionValueIsReportedUnderTheEndpointsOptions() {
        ConfigProblem problem = at(fails("endpoints: { least: { vendor: least, options: { channel: bogus } } }\n"),
                "endpoints.least.options.channel");

        assertEquals("must be one of collection, workflow, any", problem.problem());
    }

    @Test
    void anUnknownVendorOptionIsReportedWithTheClosestKnownOne() {
        ConfigProblem problem = at(fails("endpoints: { least: { vendor: least, options: { chanel: workflow } } }\n"),
                "endpoints.least.options.chanel");

        assertEquals("is not an option of vendor least (did you mean 'channel'?)", problem.problem());
        assertEquals("remove it or use one of channel, strict", problem.fix());
    }

    @Test
    void optionsForAHandlerTypeThatTakesNoneAreRejected() {
        ConfigProblem problem = at(fails("""
                endpoints: { least: { vendor: least } }
                handlers: { log: { type: log, options: { level: debug } } }
                """), "handlers.log.options.level");

        assertEquals("is not an option of handler type log", problem.problem());
        assertEquals("remove it: handler type log takes no options", problem.fix());
    }

    @Test
    void aVendorsComplaintAboutSecretsPointsAtTheSecretsKey() {
        InvalidConfigException e = fails("endpoints: { x: { vendor: awkward, secrets: [\"no-colon\"] } }\n");

        assertEquals("must be user:password", at(e, "endpoints.x.secrets[0]").problem());
        assertFalse(e.getMessage().contains("no-colon"), e.getMessage());
    }

    @Test
    void aPluginThatThrowsIsReportedByTypeWithoutItsMessage() {
        InvalidConfigException e = fails("""
                endpoints: { least: { vendor: least } }
                handlers: { h: { type: exploding } }
                """);

        assertEquals("handler type exploding failed to start (java.lang.IllegalStateException)",
                at(e, "handlers.h").problem());
        assertFalse(e.getMessage().contains(MARKER), e.getMessage());
    }

    @Test
    void everyProblemIsCollectedAndHandlersAlreadyBuiltAreClosed() {
        InvalidConfigException e = fails("""
                endpoints:
                  least: { vendor: leats }
                handlers:
                  rec: { type: recording }
                  other: { type: nope }
                routes:
                  - { from: nowhere, to: [rec, missing] }
                """);

        assertEquals(List.of("endpoints.least.vendor", "handlers.other.type", "routes[0].to[1]", "routes[0].from"),
                e.problems().stream().map(ConfigProblem::key).toList());
        assertTrue(recording.isClosed("rec"), "the handler built before the failure was closed");
    }

    /** Vendor {@code awkward} insists on user:password secrets; handler type {@code exploding} cannot start. */
    static final class AwkwardPlugin implements HookyardPlugin {
        @Override
        public List<VendorFactory> vendors() {
            return List.of(new VendorFactory() {
                @Override
                public String id() {
                    return "awkward";
                }

                @Override
                public String description() {
                    return "validates its secrets";
                }

                @Override
                public Vendor create(VendorContext context) {
                    throw new InvalidOptionException("secrets[0]", "must be user:password",
                            "write the secret as user:password");
                }
            });
        }

        @Override
        public List<HandlerFactory> handlers() {
            return List.of(new HandlerFactory() {
                @Override
                public String type() {
                    return "exploding";
                }

                @Override
                public String description() {
                    return "fails to start";
                }

                @Override
                public Handler create(HandlerContext context) {
                    throw new IllegalStateException("cannot connect with password " + MARKER);
                }
            });
        }
    }

    /** Vendor {@code pinger} sends one event type, {@code ping}, and accepts every delivery. */
    static final class PingerPlugin implements HookyardPlugin {
        @Override
        public List<VendorFactory> vendors() {
            return List.of(new VendorFactory() {
                @Override
                public String id() {
                    return "pinger";
                }

                @Override
                public String description() {
                    return "sends pings";
                }

                @Override
                public Vendor create(VendorContext context) {
                    return new Vendor() {
                        @Override
                        public Verifier verifier() {
                            return delivery -> Verification.verified("none");
                        }

                        @Override
                        public Parser parser() {
                            return delivery -> ParseResult.parsed(new GenericEvent("pinger", "ping", "k", delivery));
                        }

                        @Override
                        public EventCatalog catalog() {
                            return new EventCatalog(List.of(new EventType("ping", "a ping", GenericEvent.class,
                                    "{}")));
                        }

                        @Override
                        public Signer signer() {
                            return (body, secret) -> Map.of();
                        }
                    };
                }
            });
        }
    }
}
