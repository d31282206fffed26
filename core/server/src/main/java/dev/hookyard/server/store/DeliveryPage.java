package dev.hookyard.server.store;

import java.util.List;
import java.util.Optional;

/**
 * One page of a listing, oldest first.
 *
 * @param deliveries the page
 * @param next       the cursor for the next page ({@code after}), when there is one
 */
public record DeliveryPage(List<DeliverySummary> deliveries, Optional<Long> next) {
    public DeliveryPage {
        deliveries = List.copyOf(deliveries);
    }
}
