/** Hookyard vendor module for Absorb LMS (being built: see its issue). */
module dev.hookyard.vendor.absorb {
    requires transitive dev.hookyard.spi;
    requires com.fasterxml.jackson.databind;
}
