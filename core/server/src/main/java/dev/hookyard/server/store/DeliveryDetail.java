package dev.hookyard.server.store;

import java.util.List;

/**
 * A stored delivery with its handler runs.
 *
 * @param delivery the delivery (headers as stored: credentials masked)
 * @param runs     its handler runs, by handler name
 */
public record DeliveryDetail(StoredDelivery delivery, List<RunDetail> runs) {
    public DeliveryDetail {
        runs = List.copyOf(runs);
    }
}
