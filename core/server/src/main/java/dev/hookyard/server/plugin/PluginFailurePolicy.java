package dev.hookyard.server.plugin;

/** What startup does with a plugin that cannot be loaded ({@code plugins.onError} in the configuration). */
public enum PluginFailurePolicy {

    /** Stop startup with an error naming the plugin and the cause (the default). */
    FAIL,

    /**
     * Log a loud warning naming the plugin and the cause, and start without it. A configuration that names a vendor
     * or handler type only it provided still fails, as unknown.
     */
    SKIP
}
