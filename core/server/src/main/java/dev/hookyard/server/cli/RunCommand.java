package dev.hookyard.server.cli;

import dev.hookyard.server.Hookyard;
import dev.hookyard.server.tracing.OtelTracing;
import dev.hookyard.server.config.ConfigLoader;
import dev.hookyard.server.config.HookyardConfig;
import dev.hookyard.server.config.InvalidConfigException;
import dev.hookyard.server.dispatch.RetrySchedule;
import dev.hookyard.server.logging.LogFormats;
import dev.hookyard.server.plugin.InstalledPlugins;
import dev.hookyard.server.plugin.PluginConflictException;
import dev.hookyard.server.plugin.PluginLoadException;
import dev.hookyard.server.reload.ReloadTrigger;
import dev.hookyard.server.store.StoreUnavailableException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hookyard run}: starts the receiver in the foreground until it is stopped (SIGTERM or Ctrl-C). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Start the receiver in the foreground; stop it with SIGTERM or Ctrl-C.",
                "SIGHUP (kill -HUP PID) reloads the configuration file without a restart, as POST /reload on the"
                        + " management API does; a configuration that does not pass 'check' is refused, and the"
                        + " running one stays."})
public final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger("hookyard");

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Configuration file (default: conf/hookyard.yaml in the Hookyard home).")
    Path config;

    @Option(names = {"--plugins"}, paramLabel = "DIR",
            description = "Plugins directory: one JAR, or one folder of JARs, per plugin (default: plugins.directory"
                    + " of the configuration, else plugins/ in the Hookyard home).")
    Path plugins;

    @Override
    public Integer call() throws Exception {
        Path home = HookyardHome.directory();
        Path file = config != null ? config : HookyardHome.defaultConfig();
        Hookyard hookyard;
        InstalledPlugins installed = null;
        try {
            ConfigLoader loader = new ConfigLoader(home, System::getenv);
            HookyardConfig loaded = loader.load(file);
            LogFormats.apply(loaded.logging().format(), LoggerFactory.getILoggerFactory());
            Path pluginDirectory = plugins != null ? home.resolve(plugins) : loaded.plugins().directory();
            installed = InstalledPlugins.discover(pluginDirectory, loaded.plugins().onError());
            hookyard = Hookyard.start(loaded, loader, installed, Clock.systemUTC(), RetrySchedule.DEFAULT,
                    OtelTracing.of(loaded.tracing(), Hookyard.version()));
        } catch (InvalidConfigException | PluginConflictException | PluginLoadException e) {
            closeQuietly(installed);
            System.err.println("hookyard: " + e.getMessage());
            return ExitCodes.CONFIG;
        } catch (StoreUnavailableException e) {
            closeQuietly(installed);
            System.err.println("hookyard: " + e.getMessage());
            return ExitCodes.UNAVAILABLE;
        }
        InstalledPlugins toClose = installed;
        AtomicBoolean closed = new AtomicBoolean();
        Runnable stop = () -> {
            if (closed.compareAndSet(false, true)) {
                LOG.info("Stopping: no new deliveries are accepted; in-flight work finishes, pending work stays"
                        + " in the store");
                hookyard.close();
                toClose.close();
                LOG.info("Stopped");
            }
        };
        // Other ways the JVM may end (System.exit elsewhere) still stop in order.
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "hookyard-shutdown"));
        CountDownLatch stopRequested = new CountDownLatch(1);
        TerminationSignals.onTermination(stopRequested::countDown);
        ReloadSignal.onHangup(() -> {
            try {
                hookyard.reload(ReloadTrigger.SIGNAL); // logs its outcome
            } catch (IllegalStateException stopping) {
                LOG.info("SIGHUP while stopping: nothing is reloaded");
            }
        }).ifPresent(why -> LOG.warn("{}: reload with POST /reload on the management API, or reload.watch, instead",
                why));
        LOG.info("Hookyard ready on {}://{}:{}", hookyard.scheme(), hookyard.host(), hookyard.port());
        stopRequested.await();
        stop.run();
        return ExitCodes.OK;
    }

    private static void closeQuietly(InstalledPlugins installed) {
        if (installed != null) {
            installed.close();
        }
    }
}
