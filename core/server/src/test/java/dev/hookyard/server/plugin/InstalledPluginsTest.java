package dev.hookyard.server.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.builtin.BuiltinPlugin;
import dev.hookyard.spi.HandlerFactory;
import dev.hookyard.spi.HookyardPlugin;
import dev.hookyard.vendor.least.LeastPlugin;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstalledPluginsTest {

    @Test
    void discoveryFindsTheBuiltInHandlersAndTheVendorsOnTheClassPath() {
        InstalledPlugins plugins = InstalledPlugins.discover();

        assertTrue(plugins.vendorIds().contains("least"), plugins.vendorIds().toString());
        assertTrue(plugins.handlerTypes().contains("log"), plugins.handlerTypes().toString());
        assertEquals("log", plugins.handler("log").orElseThrow().type());
        assertTrue(plugins.vendor("nope").isEmpty());
    }

    @Test
    void twoPluginsContributingTheSameIdIsAnError() {
        PluginConflictException vendor = assertThrows(PluginConflictException.class,
                () -> InstalledPlugins.of(List.of(new LeastPlugin(), new LeastPlugin())));
        assertTrue(vendor.getMessage().startsWith("vendor id 'least' is provided by both"), vendor.getMessage());

        HookyardPlugin anotherLog = new HookyardPlugin() {
            @Override
            public List<HandlerFactory> handlers() {
                return new BuiltinPlugin().handlers();
            }
        };
        PluginConflictException handler = assertThrows(PluginConflictException.class,
                () -> InstalledPlugins.of(List.of(new BuiltinPlugin(), anotherLog)));
        assertTrue(handler.getMessage().startsWith("handler type 'log' is provided by both"), handler.getMessage());
    }
}
