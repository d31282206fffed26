package dev.hookyard.server.management;

import dev.hookyard.server.store.CommitHealth;
import java.util.Optional;

/**
 * The readiness check {@code store}: passes while the store's writer commits, fails while its transactions fail
 * (a full disk, an I/O error, the file locked by another process), from the writer's last outcome. A probe costs no
 * write, and a node that answers deliveries 503 because it cannot store them is not ready, so a load balancer takes
 * it out of rotation; the writer's own recovery probe brings it back once it can commit again.
 */
public final class StoreCheck {

    private StoreCheck() {
    }

    /** The check, reading {@code health}. */
    public static Readiness.Check of(CommitHealth health) {
        return new Readiness.Check("store", () -> health.status() instanceof CommitHealth.Status.Failing failing
                ? Optional.of("cannot commit since " + failing.since() + " (" + failing.failures()
                        + " failed transactions): " + failing.cause())
                : Optional.empty());
    }
}
