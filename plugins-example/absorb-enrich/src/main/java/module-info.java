/** Hookyard example plugin absorb-enrich (being built: see the plugins issue). */
module dev.hookyard.plugin.absorbenrich {
    requires dev.hookyard.spi;
}
