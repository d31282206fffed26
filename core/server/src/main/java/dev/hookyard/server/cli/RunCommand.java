package dev.hookyard.server.cli;

import dev.hookyard.server.Hookyard;
import dev.hookyard.server.config.ConfigLoader;
import dev.hookyard.server.config.HookyardConfig;
import dev.hookyard.server.config.InvalidConfigException;
import dev.hookyard.server.plugin.InstalledPlugins;
import dev.hookyard.server.plugin.PluginConflictException;
import dev.hookyard.server.store.StoreUnavailableException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hookyard run}: starts the receiver in the foreground until it is stopped (SIGTERM or Ctrl-C). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Start the receiver in the foreground; stop it with SIGTERM or Ctrl-C.")
public final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger("hookyard");

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Configuration file (default: conf/hookyard.yaml in the Hookyard home).")
    Path config;

    @Override
    public Integer call() throws Exception {
        Path home = HookyardHome.directory();
        Path file = config != null ? config : HookyardHome.defaultConfig();
        Hookyard hookyard;
        try {
            HookyardConfig loaded = new ConfigLoader(home, System::getenv).load(file);
            hookyard = Hookyard.start(loaded, InstalledPlugins.discover(), Clock.systemUTC());
        } catch (InvalidConfigException | PluginConflictException e) {
            System.err.println("hookyard: " + e.getMessage());
            return ExitCodes.CONFIG;
        } catch (StoreUnavailableException e) {
            System.err.println("hookyard: " + e.getMessage());
            return ExitCodes.UNAVAILABLE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping: no new deliveries are accepted; pending work stays in the store");
            hookyard.close();
            stopped.countDown();
        }, "hookyard-shutdown"));
        LOG.info("Hookyard ready on http://{}:{}", hookyard.host(), hookyard.port());
        stopped.await();
        return ExitCodes.OK;
    }
}
