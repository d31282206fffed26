/**
 * The Hookyard service provider interface: what vendor modules and handler plugins implement and consume.
 * It depends on {@code java.base} only, so that no framework type (Jackson, Jetty, Guice) ever appears in a
 * plugin's API and plugins may bundle any version of those libraries.
 */
module dev.hookyard.spi {
    exports dev.hookyard.spi;
}
