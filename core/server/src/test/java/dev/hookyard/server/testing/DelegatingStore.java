package dev.hookyard.server.testing;

import dev.hookyard.server.store.AppendResult;
import dev.hookyard.server.store.CommitHealth;
import dev.hookyard.server.store.DeliveryStore;
import dev.hookyard.server.store.DueRun;
import dev.hookyard.server.store.NewDelivery;
import dev.hookyard.server.store.RunResult;
import dev.hookyard.server.store.RunReservations;
import dev.hookyard.server.store.StoreUnavailableException;
import dev.hookyard.server.store.StoredDelivery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A store that hands every call to a real one (reservations included); tests extend it to watch or hold one call,
 * typically the dispatcher's reads of due runs.
 */
public class DelegatingStore implements DeliveryStore {

    protected final DeliveryStore delegate;

    public DelegatingStore(DeliveryStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public void reserveRunsWith(RunReservations reservations) {
        delegate.reserveRunsWith(reservations);
    }

    @Override
    public List<DueRun> due(Instant now, int limit) throws StoreUnavailableException {
        return delegate.due(now, limit);
    }

    @Override
    public List<DueRun> due(Instant now, String handler, int limit) throws StoreUnavailableException {
        return delegate.due(now, handler, limit);
    }

    @Override
    public AppendResult append(NewDelivery delivery) throws StoreUnavailableException {
        return delegate.append(delivery);
    }

    @Override
    public Optional<Instant> nextDue() throws StoreUnavailableException {
        return delegate.nextDue();
    }

    @Override
    public void record(long deliveryId, String handler, RunResult result) throws StoreUnavailableException {
        delegate.record(deliveryId, handler, result);
    }

    @Override
    public void recordAll(List<RunOutcome> outcomes) throws StoreUnavailableException {
        delegate.recordAll(outcomes);
    }

    @Override
    public long backlog() {
        return delegate.backlog();
    }

    @Override
    public long recountBacklog() throws StoreUnavailableException {
        return delegate.recountBacklog();
    }

    @Override
    public CommitHealth commitHealth() {
        return delegate.commitHealth();
    }

    @Override
    public Optional<StoredDelivery> find(long id) throws StoreUnavailableException {
        return delegate.find(id);
    }

    @Override
    public List<RunView> runs(long deliveryId) throws StoreUnavailableException {
        return delegate.runs(deliveryId);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
