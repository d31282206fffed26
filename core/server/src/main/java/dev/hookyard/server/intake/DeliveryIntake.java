package dev.hookyard.server.intake;

import dev.hookyard.server.config.HookyardConfig.StoreSettings;
import dev.hookyard.server.dispatch.Dispatcher;
import dev.hookyard.server.dispatch.RouteTable;
import dev.hookyard.server.endpoint.Endpoint;
import dev.hookyard.server.store.AppendResult;
import dev.hookyard.server.store.CredentialHeaders;
import dev.hookyard.server.store.DeliveryStatus;
import dev.hookyard.server.store.DeliveryStore;
import dev.hookyard.server.store.NewDelivery;
import dev.hookyard.server.store.StoreUnavailableException;
import dev.hookyard.server.store.StoredDelivery;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Verification;
import dev.hookyard.spi.WebhookEvent;
import java.util.List;

/**
 * The delivery path after the body is read, independent of HTTP: verify the raw bytes, parse, route, store
 * durably (unless the undelivered backlog is at its bound), then hand the parsed event to the dispatcher.
 * Verification comes first so that nothing unproven is ever parsed or stored.
 */
public final class DeliveryIntake {

    private final DeliveryStore store;
    private final RouteTable routes;
    private final Dispatcher dispatcher;
    private final BacklogGate backlog;

    public DeliveryIntake(DeliveryStore store, RouteTable routes, Dispatcher dispatcher) {
        this(store, routes, dispatcher, new BacklogGate(store, StoreSettings.DEFAULT_MAX_BACKLOG));
    }

    public DeliveryIntake(DeliveryStore store, RouteTable routes, Dispatcher dispatcher, BacklogGate backlog) {
        this.store = store;
        this.routes = routes;
        this.dispatcher = dispatcher;
        this.backlog = backlog;
    }

    public IntakeResult accept(Endpoint endpoint, Delivery delivery) {
        Verification verification = endpoint.vendor().verifier().verify(delivery);
        if (verification instanceof Verification.Rejected rejected) {
            return new IntakeResult.Rejected(rejected.reason(), rejected.detail());
        }
        // Parsed as stored, credentials masked: the event handed to handlers is the one a store read would make.
        Delivery masked = new Delivery(delivery.endpoint(), CredentialHeaders.masked(delivery.headers()),
                delivery.body(), delivery.receivedAt());
        ParseResult parsed = endpoint.vendor().parser().parse(masked);
        if (parsed instanceof ParseResult.Malformed malformed) {
            return new IntakeResult.Malformed(malformed.reason());
        }
        WebhookEvent event = ((ParseResult.Parsed) parsed).event();
        if (!backlog.admits()) {
            return new IntakeResult.Backlogged(store.backlog(), backlog.limit());
        }
        List<String> handlers = routes.handlersFor(endpoint.name(), endpoint.vendorId(), event.type());
        NewDelivery record = new NewDelivery(endpoint.name(), endpoint.vendorId(), event.type(), event.deliveryKey(),
                masked.headers(), delivery.body(), delivery.receivedAt(), handlers);
        AppendResult appended;
        try {
            appended = store.append(record);
        } catch (StoreUnavailableException e) {
            return new IntakeResult.Unavailable(e.getMessage());
        }
        if (appended instanceof AppendResult.Duplicate duplicate) {
            return new IntakeResult.Duplicate(duplicate.id(), event.type(), event.deliveryKey());
        }
        if (!handlers.isEmpty()) {
            dispatcher.handOff(new StoredDelivery(appended.id(), endpoint.name(), endpoint.vendorId(), event.type(),
                    event.deliveryKey(), masked.headers(), delivery.body(), delivery.receivedAt(),
                    DeliveryStatus.PENDING), event, handlers);
        }
        return new IntakeResult.Accepted(appended.id(), event.type(), event.deliveryKey(), handlers.size());
    }
}
