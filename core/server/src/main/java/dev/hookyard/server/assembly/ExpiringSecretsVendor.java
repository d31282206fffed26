package dev.hookyard.server.assembly;

import dev.hookyard.server.config.KeyringEntry;
import dev.hookyard.spi.EventCatalog;
import dev.hookyard.spi.Keyring;
import dev.hookyard.spi.Parser;
import dev.hookyard.spi.RejectionReason;
import dev.hookyard.spi.Signer;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.Verification;
import dev.hookyard.spi.Verifier;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An endpoint's vendor when some of its secrets carry a {@code notAfter}: vendors receive a fixed {@link Keyring},
 * so one vendor instance is built up front for each period between two expiry instants, each with the secrets still
 * valid in it, and every verification uses the instance of the period the host clock is in. After the last secret
 * expires, deliveries are rejected as {@link RejectionReason#NO_ACTIVE_SECRET}. Parsing, the catalog and signing do
 * not depend on secrets and come from the instance holding all of them.
 *
 * <p>The expiry of a secret is logged at INFO (by its key, never its value) when the first delivery after it is
 * verified, and at startup for secrets that have already expired.
 */
final class ExpiringSecretsVendor implements Vendor {

    private static final Logger LOG = LoggerFactory.getLogger("hookyard.secrets");

    /** Builds the vendor for a keyring; fails as the vendor factory fails. */
    interface Builder {
        Vendor build(Keyring keyring) throws Exception;
    }

    private final String key;
    private final List<KeyringEntry> entries;
    private final Clock clock;
    /** Distinct expiry instants, ascending; period i starts after {@code boundaries[i - 1]}. */
    private final List<Instant> boundaries;
    /** The vendor of each period, null where no secret is left. */
    private final List<Vendor> periods;
    private final Vendor full;
    private final AtomicInteger logged = new AtomicInteger();
    private final Verifier verifier = this::verify;

    private ExpiringSecretsVendor(String key, List<KeyringEntry> entries, Clock clock, List<Instant> boundaries,
                                  List<Vendor> periods) {
        this.key = key;
        this.entries = entries;
        this.clock = clock;
        this.boundaries = boundaries;
        this.periods = periods;
        this.full = periods.get(0);
    }

    /**
     * The vendor for an endpoint's keyring: built directly when no secret expires, else one per period.
     *
     * @param key the endpoint's key path, e.g. {@code endpoints.least}, for log lines
     */
    static Vendor of(String key, List<KeyringEntry> entries, Clock clock, Builder builder) throws Exception {
        if (entries.stream().allMatch(e -> e.notAfter() == null)) {
            return builder.build(keyring(entries));
        }
        List<Instant> boundaries = new ArrayList<>(new TreeSet<>(entries.stream()
                .map(KeyringEntry::notAfter).filter(java.util.Objects::nonNull).toList()));
        List<Vendor> periods = new ArrayList<>();
        periods.add(builder.build(keyring(entries)));
        for (int i = 1; i <= boundaries.size(); i++) {
            Instant after = boundaries.get(i - 1);
            List<KeyringEntry> active = entries.stream()
                    .filter(e -> e.notAfter() == null || e.notAfter().isAfter(after)).toList();
            periods.add(active.isEmpty() ? null : builder.build(keyring(active)));
        }
        ExpiringSecretsVendor vendor = new ExpiringSecretsVendor(key, List.copyOf(entries), clock,
                List.copyOf(boundaries), periods);
        vendor.logExpiries(vendor.period(clock.instant()), true);
        return vendor;
    }

    private static Keyring keyring(List<KeyringEntry> entries) {
        return new Keyring(entries.stream().map(KeyringEntry::secret).toList());
    }

    /** The period {@code now} falls in: how many expiry instants lie strictly before it. */
    private int period(Instant now) {
        int period = 0;
        while (period < boundaries.size() && now.isAfter(boundaries.get(period))) {
            period++;
        }
        return period;
    }

    private Verification verify(dev.hookyard.spi.Delivery delivery) {
        int period = period(clock.instant());
        logExpiries(period, false);
        Vendor current = periods.get(period);
        if (current == null) {
            return Verification.rejected(RejectionReason.NO_ACTIVE_SECRET,
                    "every secret of " + key + " is past its notAfter");
        }
        return current.verifier().verify(delivery);
    }

    /** Logs, once each, the secrets that expired up to {@code period}. */
    private void logExpiries(int period, boolean atStartup) {
        int before = logged.get();
        while (before < period) {
            if (logged.compareAndSet(before, period)) {
                for (int b = before; b < period; b++) {
                    Instant expired = boundaries.get(b);
                    for (int i = 0; i < entries.size(); i++) {
                        if (expired.equals(entries.get(i).notAfter())) {
                            LOG.info("Secret {}.secrets[{}] {} its notAfter {} and no longer verifies", key, i,
                                    atStartup ? "is past" : "passed", expired);
                        }
                    }
                }
                if (periods.get(period) == null) {
                    LOG.warn("Every secret of {} is past its notAfter: its deliveries are refused (401) until a"
                            + " current secret is configured", key);
                }
                return;
            }
            before = logged.get();
        }
    }

    @Override
    public Verifier verifier() {
        return verifier;
    }

    @Override
    public Parser parser() {
        return full.parser();
    }

    @Override
    public EventCatalog catalog() {
        return full.catalog();
    }

    @Override
    public Signer signer() {
        return full.signer();
    }
}
