package dev.hookyard.server.store;

/**
 * The store could not commit (disk full, I/O error, locked). The delivery was not accepted; the sender is told
 * to retry later (503), so nothing that was answered 2xx is lost.
 */
public final class StoreUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
