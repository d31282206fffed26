/**
 * The Hookyard plugin test kit: a handler plugin's tests load the built plugin through the server's own isolated
 * loader, check its options as the server does, feed it events built from any vendor's catalog samples, and run it
 * behind a real receiver. It re-exports the test kit (and so the SPI).
 */
module dev.hookyard.testkit.plugin {
    requires transitive dev.hookyard.testkit;
    requires dev.hookyard.server;
    requires com.fasterxml.jackson.databind;
    requires java.net.http;

    exports dev.hookyard.testkit.plugin;
}
