package dev.hookyard.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How configuration reloads went, for alerting on a refused one:
 * <pre>
 * hookyard_config_last_reload_successful                 1 when the last reload was applied (or none was tried), 0 when refused
 * hookyard_config_last_reload_timestamp_seconds          when the last reload finished (the start, before any)
 * hookyard_config_last_reload_success_timestamp_seconds  when the configuration in use was applied
 * hookyard_config_reloads_total{result}                  reloads applied and refused
 * hookyard_config_info{sha256}                           1, labelled with the SHA-256 of the file in use
 * </pre>
 * The hash is that of the file's bytes ({@code sha256sum} prints the same), never of a resolved secret.
 */
public final class ReloadMeters {

    private final MeterRegistry registry;
    private final AtomicLong lastSuccessful = new AtomicLong(1);
    private final AtomicLong lastAttemptSeconds;
    private final AtomicLong lastSuccessSeconds;
    private final Counter applied;
    private final Counter refused;
    private final AtomicReference<Gauge> info = new AtomicReference<>();

    /**
     * @param started    when the configuration in use at startup was applied
     * @param fileSha256 the SHA-256 of that configuration's file, or null when it was not read from one
     */
    public ReloadMeters(MeterRegistry registry, Instant started, String fileSha256) {
        this.registry = registry;
        this.lastAttemptSeconds = new AtomicLong(started.getEpochSecond());
        this.lastSuccessSeconds = new AtomicLong(started.getEpochSecond());
        Gauge.builder("hookyard.config.last.reload.successful", lastSuccessful, AtomicLong::get)
                .description("1 when the last configuration reload was applied (or none was tried), 0 when it was"
                        + " refused and the previous configuration stayed in use")
                .register(registry);
        Gauge.builder("hookyard.config.last.reload.timestamp", lastAttemptSeconds, AtomicLong::get)
                .description("When the last configuration reload finished, applied or refused (startup before any)")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("hookyard.config.last.reload.success.timestamp", lastSuccessSeconds, AtomicLong::get)
                .description("When the configuration in use was applied (at startup or by a reload)")
                .baseUnit("seconds")
                .register(registry);
        applied = reloads("applied");
        refused = reloads("refused");
        inUse(fileSha256);
    }

    private Counter reloads(String result) {
        return Counter.builder("hookyard.config.reloads")
                .description("Configuration reloads by result: applied, or refused (the running one stayed)")
                .tag("result", result)
                .register(registry);
    }

    /** A reload applied the configuration read from a file with this SHA-256 (null when not read from a file). */
    public void applied(Instant at, String fileSha256) {
        applied.increment();
        lastSuccessful.set(1);
        lastAttemptSeconds.set(at.getEpochSecond());
        lastSuccessSeconds.set(at.getEpochSecond());
        inUse(fileSha256);
    }

    /** A reload was refused: the configuration in use did not change. */
    public void refused(Instant at) {
        refused.increment();
        lastSuccessful.set(0);
        lastAttemptSeconds.set(at.getEpochSecond());
    }

    /** One series, labelled with the hash of the file in use; the previous file's series goes. */
    private synchronized void inUse(String fileSha256) {
        String label = fileSha256 == null ? "none" : fileSha256;
        Gauge previous = info.get();
        if (previous != null && label.equals(previous.getId().getTag("sha256"))) {
            return; // the same file again: its series stays
        }
        info.set(Gauge.builder("hookyard.config.info", () -> 1)
                .description("The configuration in use: its file's SHA-256 as a label (what sha256sum prints)")
                .tag("sha256", label)
                .register(registry));
        if (previous != null) {
            registry.remove(previous);
        }
    }
}
