/** Hookyard vendor module for Leah (being built: see its issue). */
module dev.hookyard.vendor.leah {
    requires transitive dev.hookyard.spi;
    requires com.fasterxml.jackson.databind;
}
