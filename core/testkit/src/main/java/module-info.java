/**
 * The Hookyard test kit: genuine signed deliveries and ready-made vendor contexts for testing vendor modules and
 * handler plugins. It re-exports the SPI, so a test that requires this module sees the SPI types too.
 */
module dev.hookyard.testkit {
    requires transitive dev.hookyard.spi;

    exports dev.hookyard.testkit;
}
