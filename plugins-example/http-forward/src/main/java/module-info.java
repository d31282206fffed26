/** Hookyard example plugin http-forward (being built: see the plugins issue). */
module dev.hookyard.plugin.httpforward {
    requires dev.hookyard.spi;
}
