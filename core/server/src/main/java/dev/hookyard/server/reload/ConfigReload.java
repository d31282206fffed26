package dev.hookyard.server.reload;

import dev.hookyard.server.assembly.PipelineAssembler;
import dev.hookyard.server.assembly.PipelineAssembler.Pipeline;
import dev.hookyard.server.assembly.PipelineAssembler.RunningHandlers;
import dev.hookyard.server.config.ConfigLoader;
import dev.hookyard.server.config.ConfigProblem;
import dev.hookyard.server.config.EndpointConfig;
import dev.hookyard.server.config.HandlerConfig;
import dev.hookyard.server.config.HookyardConfig;
import dev.hookyard.server.config.InvalidConfigException;
import dev.hookyard.server.config.ProblemReport;
import dev.hookyard.server.dispatch.ConfiguredHandlers;
import dev.hookyard.server.dispatch.Dispatcher;
import dev.hookyard.server.metrics.ReloadMeters;
import dev.hookyard.server.metrics.ServerMetrics;
import dev.hookyard.server.pipeline.LivePipeline;
import dev.hookyard.server.pipeline.ServingPipeline;
import dev.hookyard.spi.Handler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the configuration file without a restart. A reload reads and checks the file as {@code hookyard check}
 * does (references such as {@code ${file:...}} resolved again), builds the whole new pipeline (endpoints with their
 * vendors and secrets, handlers, routes, access rules), and only then puts it in use: the dispatcher first gets the
 * new handlers, then the {@link LivePipeline} the new pipeline, in one volatile write. A configuration that fails
 * any check changes nothing. Reloads run one at a time, whatever triggered them.
 *
 * <p>Handlers whose type and options did not change keep their instance. An instance no longer used is closed once
 * every call of it has returned (its runs of deliveries accepted before the reload are recorded first); runs still
 * owed to a handler that was removed become dead letters, as after a restart without it, and stay replayable.
 * Settings that only a restart applies ({@link RestartOnlySettings}) are named in the outcome and left as they are.
 */
public final class ConfigReload implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("hookyard.reload");

    private final ConfigLoader loader;
    private final HookyardConfig started;
    private final PipelineAssembler assembler;
    private final LivePipeline live;
    private final Dispatcher dispatcher;
    private final ServerMetrics metrics;
    private final ReloadMeters meters;
    private final Clock clock;
    /** Instances a reload removed whose calls have not all returned: closed then, or when the server stops. */
    /** Set when the server stops (under this object's lock, as reloads are). */
    private boolean closed;
    private final Set<Handler> closing = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    /**
     * @param loader  reads the file the way it was read at startup (same home, same environment)
     * @param started the configuration the server started with: what restart-only settings are compared with
     */
    public ConfigReload(ConfigLoader loader, HookyardConfig started, PipelineAssembler assembler, LivePipeline live,
                        Dispatcher dispatcher, ServerMetrics metrics, ReloadMeters meters, Clock clock) {
        this.loader = loader;
        this.started = started;
        this.assembler = assembler;
        this.live = live;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Reads the configuration file again and puts it in use, or refuses it and keeps the running one.
     *
     * @param trigger what asked
     */
    public synchronized ReloadOutcome reload(ReloadTrigger trigger) {
        if (closed) {
            throw new IllegalStateException("the server is stopping: nothing is reloaded");
        }
        ServingPipeline current = live.current();
        HookyardConfig loaded;
        Pipeline built;
        try {
            loaded = loader.load(started.file());
            built = assembler.assemble(loaded, running(current));
        } catch (InvalidConfigException e) {
            return refused(trigger, e.problems());
        } catch (RuntimeException e) {
            LOG.error("Reloading {} failed unexpectedly; the running configuration stays in use", started.file(), e);
            return refused(trigger, List.of(new ConfigProblem("(reload)", "failed unexpectedly ("
                    + e.getClass().getName() + ")", "see the server's log; the running configuration stays in use")));
        }
        ServingPipeline next = new ServingPipeline(loaded, built.endpoints(),
                current.admissions().reloaded(loaded.endpoints(), clock), built.routes(), built.handlers());
        metrics.configured(loaded.endpoints().stream().map(EndpointConfig::name).toList(),
                loaded.handlers().stream().map(HandlerConfig::name).toList());
        List<Handler> removed = unused(current.handlers(), next.handlers());
        closing.addAll(removed);
        // Handlers first: a request routed by the new pipeline must find its handler's lane.
        dispatcher.use(next.handlers()).thenRun(() -> removed.forEach(this::close));
        live.swap(next);
        ReloadOutcome.Applied applied = new ReloadOutcome.Applied(trigger, clock.instant(), started.file(),
                loaded.fileSha256(),
                changes(current.config().endpoints(), loaded.endpoints(), EndpointConfig::name),
                changes(current.config().handlers(), loaded.handlers(), HandlerConfig::name),
                loaded.routes().size(), RestartOnlySettings.changed(started, loaded));
        meters.applied(applied.at(), loaded.fileSha256());
        log(applied);
        return applied;
    }

    /** The running instances whose handler's name, type and options are the same in the new configuration. */
    private static RunningHandlers running(ServingPipeline current) {
        Map<String, HandlerConfig> configured = current.config().handlers().stream()
                .collect(Collectors.toMap(HandlerConfig::name, Function.identity()));
        return handler -> {
            HandlerConfig before = configured.get(handler.name());
            if (before == null || !before.type().equals(handler.type()) || !before.options().equals(handler.options())) {
                return Optional.empty();
            }
            return current.handlers().named(handler.name());
        };
    }

    /** The instances of {@code before} that {@code after} does not use. */
    private static List<Handler> unused(ConfiguredHandlers before, ConfiguredHandlers after) {
        Set<Handler> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        after.names().forEach(name -> kept.add(after.named(name).orElseThrow()));
        List<Handler> unused = new ArrayList<>();
        before.names().forEach(name -> before.named(name).filter(h -> !kept.contains(h)).ifPresent(unused::add));
        return unused;
    }

    private static <T> ReloadOutcome.Changes changes(List<T> before, List<T> after, Function<T, String> name) {
        Map<String, T> old = before.stream().collect(Collectors.toMap(name, Function.identity()));
        Set<String> now = after.stream().map(name).collect(Collectors.toSet());
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (T item : after) {
            T was = old.get(name.apply(item));
            if (was == null) {
                added.add(name.apply(item));
            } else if (!was.equals(item)) {
                changed.add(name.apply(item));
            }
        }
        List<String> removed = before.stream().map(name).filter(n -> !now.contains(n)).toList();
        return new ReloadOutcome.Changes(added, removed, changed);
    }

    private ReloadOutcome.Refused refused(ReloadTrigger trigger, List<ConfigProblem> problems) {
        ReloadOutcome.Refused refused = new ReloadOutcome.Refused(trigger, clock.instant(), started.file(), problems);
        meters.refused(refused.at());
        LOG.error("Reload ({}) refused, the running configuration stays in use: {}", trigger.code(),
                ProblemReport.render(started.file(), problems).stripTrailing());
        return refused;
    }

    private static void log(ReloadOutcome.Applied applied) {
        LOG.info("Reload ({}) applied {} (sha256 {}): endpoints {}; handlers {}; {}", applied.trigger().code(),
                applied.file(), applied.fileSha256(), describe(applied.endpoints()), describe(applied.handlers()),
                ProblemReport.count(applied.routes(), "route"));
        if (!applied.handlers().removed().isEmpty()) {
            LOG.info("Handlers removed: {}; each is closed once its running calls have returned, and the runs still"
                    + " owed to it become dead letters (replayable)", String.join(", ", applied.handlers().removed()));
        }
        if (!applied.needsRestart().isEmpty()) {
            LOG.warn("Not applied until the next restart: {}", String.join(", ", applied.needsRestart()));
        }
    }

    private static String describe(ReloadOutcome.Changes changes) {
        if (changes.added().isEmpty() && changes.removed().isEmpty() && changes.changed().isEmpty()) {
            return "unchanged";
        }
        return "added " + changes.added() + ", removed " + changes.removed() + ", changed " + changes.changed();
    }

    private void close(Handler handler) {
        if (closing.remove(handler)) {
            try {
                handler.close();
            } catch (Exception e) {
                LOG.warn("A handler removed by a reload failed to close: {}", e.toString());
            }
        }
    }

    /** Closes the instances removed by reloads whose calls had not all returned (the server is stopping). */
    @Override
    public synchronized void close() {
        closed = true;
        List<Handler> left;
        synchronized (closing) {
            left = new ArrayList<>(closing);
        }
        left.forEach(this::close);
    }
}
