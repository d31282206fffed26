package dev.hookyard.server.plugin;

import java.nio.file.Path;

/**
 * A plugin could not be loaded. Startup stops: a server that silently lacks a handler or vendor would accept
 * deliveries it then cannot act on. The message names the plugin's file and the cause.
 */
public final class PluginLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path source;

    public PluginLoadException(Path source, String problem, Throwable cause) {
        super("plugin " + source + ": " + problem + (cause == null ? "" : " (" + describe(cause) + ")"), cause);
        this.source = source;
    }

    public Path source() {
        return source;
    }

    private static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getName() + (message == null ? "" : ": " + message);
    }
}
