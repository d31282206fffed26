/**
 * Hookyard example plugin {@code exec}: runs a configured command for every event routed to it, with the raw body on
 * stdin and chosen body fields as environment variables. The command is an argument vector run directly, never a
 * shell line, and no payload value ever becomes an argument.
 *
 * <p>Jackson is bundled in the plugin folder and used for trees and JSON Pointers only, so nothing is opened to it.
 */
module dev.hookyard.plugin.exec {
    requires dev.hookyard.spi;
    requires com.fasterxml.jackson.databind;

    provides dev.hookyard.spi.HookyardPlugin with dev.hookyard.plugin.exec.ExecPlugin;
}
