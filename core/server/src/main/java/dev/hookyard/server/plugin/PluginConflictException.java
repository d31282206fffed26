package dev.hookyard.server.plugin;

/** Two plugins contribute the same vendor id or handler type; startup stops rather than pick one at random. */
public final class PluginConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PluginConflictException(String message) {
        super(message);
    }
}
