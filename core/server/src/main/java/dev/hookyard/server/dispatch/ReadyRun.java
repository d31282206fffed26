package dev.hookyard.server.dispatch;

import dev.hookyard.server.store.DueRun;
import dev.hookyard.spi.WebhookEvent;

/**
 * A run waiting in a handler's lane for a free call slot.
 *
 * @param run   the run, pending in the store
 * @param event the event its intake parsed, or {@code null} for a run read from the store (parsed when started)
 */
record ReadyRun(DueRun run, WebhookEvent event) {
}
