/** Hookyard vendor module for LeafLink (being built: see its issue). */
module dev.hookyard.vendor.leaflink {
    requires transitive dev.hookyard.spi;
    requires com.fasterxml.jackson.databind;
}
