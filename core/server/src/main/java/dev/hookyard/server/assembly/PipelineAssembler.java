package dev.hookyard.server.assembly;

import dev.hookyard.server.config.ConfigProblem;
import dev.hookyard.server.config.DidYouMean;
import dev.hookyard.server.config.EndpointConfig;
import dev.hookyard.server.config.HandlerConfig;
import dev.hookyard.server.config.HandlerLimits;
import dev.hookyard.server.config.HookyardConfig;
import dev.hookyard.server.config.InvalidConfigException;
import dev.hookyard.server.config.RouteConfig;
import dev.hookyard.server.dispatch.ConfiguredHandlers;
import dev.hookyard.server.dispatch.Glob;
import dev.hookyard.server.dispatch.HandlerPolicy;
import dev.hookyard.server.dispatch.RetrySchedule;
import dev.hookyard.server.dispatch.Route;
import dev.hookyard.server.dispatch.RouteTable;
import dev.hookyard.server.endpoint.Endpoint;
import dev.hookyard.server.endpoint.EndpointTable;
import dev.hookyard.server.logging.Slf4jSystemLogger;
import dev.hookyard.server.plugin.ContextClassLoader;
import dev.hookyard.server.plugin.InstalledPlugins;
import dev.hookyard.server.tracing.CurrentTraceHeaders;
import dev.hookyard.spi.Handler;
import dev.hookyard.spi.HandlerContext;
import dev.hookyard.spi.HandlerFactory;
import dev.hookyard.spi.InvalidOptionException;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.VendorContext;
import dev.hookyard.spi.VendorFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the endpoints, handlers and routes that a configuration describes, from the installed plugins. Every
 * problem (unknown vendor or handler type, bad option, route to nothing) is collected and reported together,
 * by key, with a "did you mean" where a name looks mistyped.
 */
public final class PipelineAssembler {

    private final InstalledPlugins plugins;
    private final Clock clock;
    private final HandlerPolicy defaults;

    public PipelineAssembler(InstalledPlugins plugins, Clock clock) {
        this(plugins, clock, HandlerPolicy.defaults(RetrySchedule.DEFAULT));
    }

    /** @param defaults what a handler's {@code retry}, {@code timeout} and {@code maxConcurrent} default to */
    public PipelineAssembler(InstalledPlugins plugins, Clock clock, HandlerPolicy defaults) {
        this.plugins = plugins;
        this.clock = clock;
        this.defaults = defaults;
    }

    /** The assembled parts; handlers are open and must be closed by the caller. */
    public record Pipeline(EndpointTable endpoints, ConfiguredHandlers handlers, RouteTable routes) {
    }

    /**
     * The handler instances a reload may keep: a handler whose type and options did not change is not built again,
     * so it keeps its state and connections.
     */
    @FunctionalInterface
    public interface RunningHandlers {

        /** Nothing is kept: every handler is built. */
        RunningHandlers NONE = handler -> Optional.empty();

        /** The running instance built from exactly this handler's name, type and options, if there is one. */
        Optional<Handler> unchanged(HandlerConfig handler);
    }

    public Pipeline assemble(HookyardConfig config) {
        return assemble(config, RunningHandlers.NONE);
    }

    /**
     * As {@link #assemble(HookyardConfig)}, keeping the running instances {@code running} offers; only the handlers
     * built here are closed when the configuration turns out to be invalid.
     */
    public Pipeline assemble(HookyardConfig config, RunningHandlers running) {
        List<ConfigProblem> problems = new ArrayList<>();
        List<Endpoint> endpoints = endpoints(config, problems);
        Map<String, Handler> kept = new LinkedHashMap<>();
        Map<String, Handler> handlers = handlers(config, running, kept, problems);
        RouteTable routes = routes(config, endpoints, problems);
        if (!problems.isEmpty()) {
            Map<String, Handler> built = new LinkedHashMap<>(handlers);
            built.keySet().removeAll(kept.keySet());
            new ConfiguredHandlers(built).close();
            throw new InvalidConfigException(config.file(), problems);
        }
        return new Pipeline(new EndpointTable(endpoints), new ConfiguredHandlers(handlers, policies(config)), routes);
    }

    /** Each handler's policy: its own settings over the defaults. */
    private Map<String, HandlerPolicy> policies(HookyardConfig config) {
        Map<String, HandlerPolicy> policies = new LinkedHashMap<>();
        for (HandlerConfig handler : config.handlers()) {
            HandlerLimits limits = handler.limits();
            RetrySchedule retries = defaults.retries();
            RetrySchedule own = new RetrySchedule(
                    limits.maxAttempts() != null ? limits.maxAttempts() : retries.maxAttempts(),
                    limits.initialDelay() != null ? limits.initialDelay() : retries.initialDelay(),
                    limits.maxDelay() != null ? limits.maxDelay() : retries.maxDelay());
            policies.put(handler.name(), new HandlerPolicy(own,
                    limits.timeout() != null ? limits.timeout() : defaults.timeout(),
                    limits.maxConcurrent() != null ? limits.maxConcurrent() : defaults.maxConcurrent()));
        }
        return policies;
    }

    private List<Endpoint> endpoints(HookyardConfig config, List<ConfigProblem> problems) {
        List<Endpoint> result = new ArrayList<>();
        for (EndpointConfig endpoint : config.endpoints()) {
            if (endpoint.vendor() == null) {
                continue;
            }
            Optional<VendorFactory> factory = plugins.vendor(endpoint.vendor());
            if (factory.isEmpty()) {
                problems.add(new ConfigProblem(endpoint.key() + ".vendor", "unknown vendor '" + endpoint.vendor()
                        + "'" + DidYouMean.hint(endpoint.vendor(), plugins.vendorIds()),
                        "use one of " + String.join(", ", plugins.vendorIds())
                                + ", or drop the vendor's module into plugins/"));
                continue;
            }
            int before = problems.size();
            OptionCheck.check(endpoint.key() + ".options", endpoint.options(), factory.get().options(),
                    "vendor " + endpoint.vendor(), problems);
            if (problems.size() > before) {
                continue;
            }
            try {
                // Secrets with a notAfter stop verifying after it: one vendor instance per period of the keyring.
                Vendor vendor = ExpiringSecretsVendor.of(endpoint.key(), endpoint.keyring(), clock, keyring -> {
                    VendorContext context = new VendorContext(endpoint.name(), keyring, endpoint.options(), clock);
                    return ContextClassLoader.callAs(factory.get(), () -> factory.get().create(context));
                });
                result.add(new Endpoint(endpoint.name(), endpoint.path(), endpoint.vendor(), vendor,
                        endpoint.maxBodyBytes()));
            } catch (InvalidOptionException e) {
                problems.add(new ConfigProblem(endpointKey(endpoint, e.key()), e.problem(), e.fix()));
            } catch (Exception e) {
                problems.add(new ConfigProblem(endpoint.key(), "vendor " + endpoint.vendor()
                        + fromPlugin(factory.get()) + " failed to start (" + e.getClass().getName() + ")",
                        "check the endpoint's options; this is a bug in the vendor module if they are right"));
            }
        }
        return result;
    }

    /**
     * Where a vendor's complaint points in the file: vendors validate their secrets too (e.g. a Basic credential
     * must be user:password), and those live under {@code secrets}, not {@code options}.
     */
    private static String endpointKey(EndpointConfig endpoint, String optionKey) {
        return optionKey.equals("secrets") || optionKey.startsWith("secrets[")
                ? endpoint.key() + "." + optionKey : endpoint.key() + ".options." + optionKey;
    }

    /** The handlers, built or kept; those kept are also put into {@code kept}. */
    private Map<String, Handler> handlers(HookyardConfig config, RunningHandlers running, Map<String, Handler> kept,
                                          List<ConfigProblem> problems) {
        Map<String, Handler> result = new LinkedHashMap<>();
        for (HandlerConfig handler : config.handlers()) {
            if (handler.type() == null) {
                continue;
            }
            Optional<HandlerFactory> factory = plugins.handler(handler.type());
            if (factory.isEmpty()) {
                problems.add(new ConfigProblem(handler.key() + ".type", "unknown handler type '" + handler.type()
                        + "'" + DidYouMean.hint(handler.type(), plugins.handlerTypes()),
                        "use one of " + String.join(", ", plugins.handlerTypes())
                                + ", or drop the plugin providing it into plugins/"));
                continue;
            }
            // A handler whose type and options did not change keeps its running instance (a reload).
            Optional<Handler> unchanged = running.unchanged(handler);
            if (unchanged.isPresent()) {
                result.put(handler.name(), unchanged.get());
                kept.put(handler.name(), unchanged.get());
                continue;
            }
            HandlerContext context = new HandlerContext(handler.name(), handler.options(), clock,
                    new Slf4jSystemLogger("hookyard.handler." + handler.name()), config.home(),
                    config.server().credentialHeaders(), CurrentTraceHeaders.INSTANCE);
            HandlerCreation.create(handler.key(), handler.type(), factory.get(), context, fromPlugin(factory.get()),
                    problems).ifPresent(created -> result.put(handler.name(), created));
        }
        return result;
    }

    /** " (from plugins/NAME)" for a factory dropped into the plugins directory, so the operator knows whose it is. */
    private String fromPlugin(Object factory) {
        return plugins.isDroppedIn(factory) ? " (from " + plugins.originOf(factory) + ")" : "";
    }

    private RouteTable routes(HookyardConfig config, List<Endpoint> endpoints, List<ConfigProblem> problems) {
        List<String> declared = config.handlers().stream().map(HandlerConfig::name).toList();
        List<String> endpointNames = config.endpoints().stream().map(EndpointConfig::name).toList();
        List<Route> routes = new ArrayList<>();
        for (RouteConfig route : config.routes()) {
            for (int i = 0; i < route.to().size(); i++) {
                String name = route.to().get(i);
                if (!declared.contains(name)) {
                    problems.add(new ConfigProblem(route.key() + ".to[" + i + "]", "unknown handler '" + name + "'"
                            + DidYouMean.hint(name, declared),
                            declared.isEmpty() ? "declare it under handlers:, e.g. handlers: { log: { type: log } }"
                                    : "use one of " + String.join(", ", declared) + ", or declare it under handlers:"));
                }
            }
            for (int i = 0; i < route.from().size(); i++) {
                Glob glob = Glob.of(route.from().get(i));
                if (glob.isLiteral() && !endpointNames.contains(glob.toString())) {
                    problems.add(new ConfigProblem(route.key() + ".from" + (route.from().size() > 1 ? "[" + i + "]" : ""),
                            "no endpoint is named '" + glob + "'" + DidYouMean.hint(glob.toString(), endpointNames),
                            "use an endpoint name from endpoints:, or a glob such as \"*\""));
                }
            }
            Route built = route(route);
            checkEventTypes(route, built, endpoints, problems);
            routes.add(built);
        }
        return new RouteTable(routes);
    }

    /**
     * The route table of a configuration, without building anything else: what the inspecting commands use to
     * know which handlers a stored delivery's routes select now. The names in it are checked by {@link #assemble}.
     */
    public static RouteTable routeTable(HookyardConfig config) {
        return new RouteTable(config.routes().stream().map(PipelineAssembler::route).toList());
    }

    private static Route route(RouteConfig route) {
        return new Route(route.from().stream().map(Glob::of).toList(), Glob.of(route.vendor()),
                route.events().stream().map(Glob::of).toList(), route.to(), route.filter());
    }

    /**
     * A literal event type in {@code events} must be one that a vendor of the endpoints the route takes events
     * from sends (by its catalog): a mistyped type would otherwise route nothing, silently. Globs are not checked,
     * and neither is a route that matches no endpoint (that is reported by its {@code from}).
     */
    private static void checkEventTypes(RouteConfig route, Route built, List<Endpoint> endpoints,
                                        List<ConfigProblem> problems) {
        Map<String, List<String>> typesByVendor = new LinkedHashMap<>();
        for (Endpoint endpoint : endpoints) {
            if (built.vendor().matches(endpoint.vendorId())
                    && built.endpoints().stream().anyMatch(g -> g.matches(endpoint.name()))) {
                typesByVendor.computeIfAbsent(endpoint.vendorId(), id -> endpoint.vendor().catalog().names());
            }
        }
        if (typesByVendor.isEmpty()) {
            return;
        }
        List<String> known = typesByVendor.values().stream().flatMap(List::stream).distinct().toList();
        String vendorIds = String.join(", ", typesByVendor.keySet());
        for (int i = 0; i < built.events().size(); i++) {
            Glob glob = built.events().get(i);
            if (glob.isLiteral() && !known.contains(glob.toString())) {
                problems.add(new ConfigProblem(route.key() + ".events" + (built.events().size() > 1 ? "[" + i + "]" : ""),
                        "no vendor this route takes events from (" + vendorIds + ") sends event type '" + glob + "'"
                                + DidYouMean.hint(glob.toString(), known),
                        "use an event type from the catalog of " + vendorIds
                                + ", or a glob such as \"" + globExample(known) + "\""));
            }
        }
    }

    /** A glob over the first known type's prefix, e.g. "record.*", for the fix of a wrong event type. */
    private static String globExample(List<String> known) {
        String first = known.isEmpty() ? "" : known.get(0);
        int dot = first.indexOf('.');
        return dot > 0 ? first.substring(0, dot + 1) + "*" : "*";
    }
}
