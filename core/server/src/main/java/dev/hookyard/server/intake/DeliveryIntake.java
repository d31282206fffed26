package dev.hookyard.server.intake;

import dev.hookyard.server.dispatch.Dispatcher;
import dev.hookyard.server.dispatch.RouteTable;
import dev.hookyard.server.endpoint.Endpoint;
import dev.hookyard.server.filter.FilterSubject;
import dev.hookyard.server.store.AppendResult;
import dev.hookyard.server.store.DeliveryStatus;
import dev.hookyard.server.store.DeliveryStore;
import dev.hookyard.server.store.NewDelivery;
import dev.hookyard.server.store.StoreUnavailableException;
import dev.hookyard.server.store.StoredDelivery;
import dev.hookyard.server.tracing.DeliveryTrace;
import dev.hookyard.spi.CredentialHeaders;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Verification;
import dev.hookyard.spi.WebhookEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The delivery path after the body is read, independent of HTTP: verify the raw bytes, parse, route, store
 * durably (unless its runs would take the undelivered backlog past its bound), then hand the parsed event to the
 * dispatcher. Verification comes first so that nothing unproven is ever parsed or stored.
 */
public final class DeliveryIntake {

    private final DeliveryStore store;
    private final Dispatcher dispatcher;
    private final BacklogGate backlog;
    private final CredentialHeaders credentials;

    /** @param credentials the headers masked once a delivery is verified, for parsing, handlers and the store */
    public DeliveryIntake(DeliveryStore store, Dispatcher dispatcher, BacklogGate backlog,
                          CredentialHeaders credentials) {
        this.store = store;
        this.dispatcher = dispatcher;
        this.backlog = backlog;
        this.credentials = credentials;
    }

    /**
     * Decides a delivery's answer, waiting for its commit when it is stored.
     *
     * @param routes the routes of the pipeline the delivery's request started on
     */
    public IntakeResult accept(RouteTable routes, Endpoint endpoint, Delivery delivery) {
        Admitted admitted = admit(routes, endpoint, delivery, DeliveryTrace.NONE);
        if (admitted.refusal() != null) {
            return admitted.refusal();
        }
        try {
            return stored(admitted, store.append(admitted.record()), DeliveryTrace.NONE);
        } catch (StoreUnavailableException e) {
            return new IntakeResult.Unavailable(e.getMessage());
        } finally {
            backlog.release(admitted.runs());
        }
    }

    /**
     * Decides a delivery's answer without waiting for the disk: verification, parsing and routing happen on the
     * caller's thread (a vendor's exception is thrown from here), the store's commit completes the future later,
     * on a store thread. Nothing that depends on it may block.
     *
     * @param routes the routes of the pipeline the delivery's request started on
     * @param trace  where the verify, parse and commit stages are traced
     */
    public CompletableFuture<IntakeResult> acceptAsync(RouteTable routes, Endpoint endpoint, Delivery delivery,
                                                       DeliveryTrace trace) {
        Admitted admitted = admit(routes, endpoint, delivery, trace);
        if (admitted.refusal() != null) {
            return CompletableFuture.completedFuture(admitted.refusal());
        }
        DeliveryTrace.Stage committing = trace.stage(DeliveryTrace.COMMIT);
        CompletableFuture<AppendResult> appending;
        try {
            appending = store.appendAsync(admitted.record());
        } catch (RuntimeException | Error e) {
            backlog.release(admitted.runs());
            committing.end("failed");
            throw e;
        }
        return appending.handle((appended, failure) -> {
            // The store counts the runs of a committed append before it answers: they are no longer in flight.
            backlog.release(admitted.runs());
            if (failure == null) {
                committing.end(appended instanceof AppendResult.Duplicate ? "duplicate" : "stored");
                return stored(admitted, appended, trace);
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof StoreUnavailableException unavailable) {
                committing.end("unavailable");
                return new IntakeResult.Unavailable(unavailable.getMessage());
            }
            committing.end("failed");
            throw failure instanceof CompletionException c ? c : new CompletionException(cause);
        });
    }

    /**
     * Verify, parse, route and reserve the runs in the backlog: a refusal, or the record to store and the event it
     * carries (its runs then stay reserved until the append is answered).
     */
    private Admitted admit(RouteTable routes, Endpoint endpoint, Delivery delivery, DeliveryTrace trace) {
        DeliveryTrace.Stage verifying = trace.stage(DeliveryTrace.VERIFY);
        Verification verification = endpoint.vendor().verifier().verify(delivery);
        if (verification instanceof Verification.Rejected rejected) {
            verifying.end("rejected", rejected.reason().code());
            return Admitted.refused(new IntakeResult.Rejected(rejected.reason(), rejected.detail()));
        }
        verifying.end("verified");
        // Verified with the headers as received; from here on, credentials are masked: the event is parsed as it is
        // stored, so the one handed to handlers is the one a store read would make.
        Delivery masked = new Delivery(delivery.endpoint(), credentials.mask(delivery.headers()),
                delivery.body(), delivery.receivedAt());
        DeliveryTrace.Stage parsing = trace.stage(DeliveryTrace.PARSE);
        ParseResult parsed = endpoint.vendor().parser().parse(masked);
        if (parsed instanceof ParseResult.Malformed malformed) {
            parsing.end("malformed");
            return Admitted.refused(new IntakeResult.Malformed(malformed.reason()));
        }
        WebhookEvent event = ((ParseResult.Parsed) parsed).event();
        parsing.end("parsed");
        trace.eventType(event.type());
        // Filters see the delivery as it is stored (credentials masked), so that check --delivery and the API
        // explain a stored delivery's routing with what routing saw.
        List<String> handlers = routes.handlersFor(endpoint.name(), endpoint.vendorId(), event.type(),
                FilterSubject.of(masked.headers(), masked.body()));
        if (!backlog.reserve(handlers.size())) {
            return Admitted.refused(new IntakeResult.Backlogged(store.backlog(), backlog.limit()));
        }
        NewDelivery record = new NewDelivery(endpoint.name(), endpoint.vendorId(), event.type(), event.deliveryKey(),
                masked.headers(), delivery.body(), delivery.receivedAt(), handlers);
        return new Admitted(null, record, event);
    }

    /** The answer once the store has the delivery (or had it already); a new one's runs go to the dispatcher. */
    private IntakeResult stored(Admitted admitted, AppendResult appended, DeliveryTrace trace) {
        NewDelivery d = admitted.record();
        WebhookEvent event = admitted.event();
        if (appended instanceof AppendResult.Duplicate duplicate) {
            trace.stored(duplicate.id(), false);
            return new IntakeResult.Duplicate(duplicate.id(), d.eventType(), d.deliveryKey());
        }
        // Before the hand-off: the handlers' attempts look the delivery's trace up as they start.
        trace.stored(appended.id(), !d.handlers().isEmpty());
        if (!d.handlers().isEmpty()) {
            dispatcher.handOff(new StoredDelivery(appended.id(), d.endpoint(), d.vendor(), d.eventType(),
                    d.deliveryKey(), d.headers(), d.body(), d.receivedAt(), DeliveryStatus.PENDING), event,
                    d.handlers());
        }
        return new IntakeResult.Accepted(appended.id(), d.eventType(), d.deliveryKey(), d.handlers().size());
    }

    /** What admission decided: a refusal, or what to store. */
    private record Admitted(IntakeResult refusal, NewDelivery record, WebhookEvent event) {
        static Admitted refused(IntakeResult refusal) {
            return new Admitted(refusal, null, null);
        }

        /** The handler runs it reserved in the backlog. */
        int runs() {
            return record.handlers().size();
        }
    }
}
