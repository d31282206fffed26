/**
 * The Hookyard test kit: genuine signed deliveries and ready-made vendor contexts for testing vendor modules and
 * handler plugins. It re-exports the SPI, so a test that requires this module sees the SPI types too.
 */
module dev.hookyard.testkit {
    requires transitive dev.hookyard.spi;
    requires transitive org.junit.jupiter.api;
    // CompiledJar builds plugin JARs in a test with the JDK's compiler.
    requires java.compiler;

    exports dev.hookyard.testkit;

    // JUnit reflects on the suite's test methods, inherited by each vendor's subclass.
    opens dev.hookyard.testkit to org.junit.platform.commons;
}
