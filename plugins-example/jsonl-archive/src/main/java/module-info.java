/**
 * Hookyard example plugin {@code jsonl-archive}: appends every event routed to it as one JSON line (credential
 * headers masked, raw body kept) to one file per UTC day.
 *
 * <p>Jackson is bundled in the plugin folder and used for trees and streaming only, so nothing is opened to it.
 */
module dev.hookyard.plugin.jsonlarchive {
    requires dev.hookyard.spi;
    requires com.fasterxml.jackson.databind;

    provides dev.hookyard.spi.HookyardPlugin with dev.hookyard.plugin.jsonlarchive.JsonlArchivePlugin;
}
