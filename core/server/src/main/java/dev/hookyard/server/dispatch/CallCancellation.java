package dev.hookyard.server.dispatch;

/**
 * Cancels one handler call that ran past its timeout by interrupting its thread, and makes sure that interrupt reaches
 * that call only. Handler threads are pooled: an interrupt sent just as the call returned would otherwise land on the
 * thread's next call, which is an unrelated event, and (with a plugin that keeps NIO channels) could break what the
 * plugin shares between calls. So the interrupt is sent and the call's end recorded under one lock, and the call's
 * end clears whatever interrupt is left, as the SPI promises ({@link dev.hookyard.spi.Handler}).
 */
final class CallCancellation {

    /** The call's thread while the handler runs; null before and after. Guarded by this. */
    private Thread running;
    private boolean cancelled;

    /**
     * On the call's thread, just before the handler is called.
     *
     * @return false if the call was cancelled before it started: it must not start, its attempt is already failed
     */
    synchronized boolean begin() {
        if (cancelled) {
            return false;
        }
        running = Thread.currentThread();
        return true;
    }

    /**
     * On the call's thread, once the handler has returned or thrown: from now on {@link #cancel()} interrupts nothing,
     * and an interrupt it sent, or the handler left set, is cleared before the thread takes another call.
     */
    synchronized void end() {
        running = null;
        Thread.interrupted();
    }

    /** Interrupts the call if the handler is running it now; a call not started yet never starts. */
    synchronized void cancel() {
        cancelled = true;
        if (running != null) {
            running.interrupt();
        }
    }
}
