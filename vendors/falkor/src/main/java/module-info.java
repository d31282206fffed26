/** Hookyard vendor module for Falkor (being built: see its issue). */
module dev.hookyard.vendor.falkor {
    requires transitive dev.hookyard.spi;
    requires com.fasterxml.jackson.databind;
}
