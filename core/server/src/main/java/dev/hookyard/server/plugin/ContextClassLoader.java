package dev.hookyard.server.plugin;

import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * Runs a plugin's code with the plugin's class loader as the thread context class loader: libraries a plugin
 * bundles (Jackson modules, JDBC drivers, HTTP clients) often find their parts through it.
 */
public final class ContextClassLoader {

    private ContextClassLoader() {
    }

    /** Calls {@code call} with the class loader of {@code owner}'s class (a plugin's factory or handler). */
    public static <T> T callAs(Object owner, Callable<T> call) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(owner.getClass().getClassLoader());
        try {
            return call.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Gets a value with {@code loader} as the context class loader. */
    static <T> T get(ClassLoader loader, Supplier<T> call) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return call.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
