/** Hookyard example plugin exec (being built: see the plugins issue). */
module dev.hookyard.plugin.exec {
    requires dev.hookyard.spi;
}
