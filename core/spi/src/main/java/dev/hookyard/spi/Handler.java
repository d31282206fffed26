package dev.hookyard.spi;

/**
 * Acts on events routed to it. Delivery to handlers is at-least-once: after a crash or a retry the same event may
 * arrive again, so handlers should be idempotent (use {@link WebhookEvent#deliveryKey()}).
 *
 * <p>Called concurrently from several threads. An exception means "failed, retry later" under the handler's retry
 * policy; return {@link Outcome.RetryAfter} to ask for a specific delay, or {@link Outcome.Drop} to give up on an
 * event that can never succeed.
 *
 * <h2>Timeouts and interrupts</h2>
 *
 * A call that runs past the handler's {@code timeout} is abandoned by the host: it counts as a failed attempt (retried
 * under the retry policy like any failure, so the event may be handled again, perhaps while the abandoned call is
 * still finishing), and whatever the call returns or throws afterwards is ignored. The host then interrupts the
 * call's thread, once. That interrupt is a request to cancel <em>that call only</em>:
 * <ul>
 *   <li>It never reaches another call. The host clears the thread's interrupt status when the call returns or
 *       throws, so a handler may restore the status in the usual way ({@code Thread.currentThread().interrupt()})
 *       or leave it set, and a call always starts with the status clear.</li>
 *   <li>A handler should end the call soon: stop waiting and throw ({@link InterruptedException},
 *       {@link java.io.InterruptedIOException}, or any other exception). Ignoring the interrupt is allowed, but the
 *       call keeps its thread, and one of the handler's {@code maxConcurrent} slots, until it returns: a handler that
 *       never returns ends up with no slot, and its events wait in the store.</li>
 *   <li>A handler must keep whatever outlives a call usable after any call was interrupted: open files, connections,
 *       pools, caches, locks. The trap is NIO: an interrupt closes an {@link java.nio.channels.InterruptibleChannel}
 *       ({@code FileChannel}, {@code SocketChannel}) that the interrupted thread is using or then uses, for every
 *       thread, and a cached channel so closed fails every later call. Open such a channel per call, reopen a cached
 *       one that {@code isOpen()} says is closed, or write through I/O that an interrupt does not close
 *       ({@link java.io.RandomAccessFile}, {@link java.io.FileOutputStream}). Something an interrupted call leaves
 *       half done (a partial line, a started process) must be undone by that call or by the next one.</li>
 *   <li>Waits for other calls (for a lock, a permit, a shared result) should be interruptible
 *       ({@code Lock.lockInterruptibly}, not {@code synchronized}), so that a cancelled call does not wait out another
 *       call's work first.</li>
 * </ul>
 * The same interrupt reaches calls still running when the host stops after its shutdown grace, just before
 * {@link #close()}.
 */
@FunctionalInterface
public interface Handler extends AutoCloseable {

    /** Handles one event; see the class documentation for what a timeout and its interrupt mean for the call. */
    Outcome handle(WebhookEvent event) throws Exception;

    /** Releases resources; called once at shutdown. */
    @Override
    default void close() throws Exception {
    }
}
