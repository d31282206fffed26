/** Hookyard example plugin jsonl-archive (being built: see the plugins issue). */
module dev.hookyard.plugin.jsonlarchive {
    requires dev.hookyard.spi;
}
