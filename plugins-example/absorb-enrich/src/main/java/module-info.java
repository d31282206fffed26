/**
 * Hookyard example plugin {@code absorb-enrich}: Absorb LMS sends lean webhook events (an event name and ids),
 * so this handler fetches the user and course the event names from Absorb's Integration API and forwards the
 * event, enriched with them, to a URL.
 *
 * <p>Jackson reads and writes trees only (nothing is bound to classes, so nothing is opened to it); outbound HTTP
 * is the JDK's {@code java.net.http}.
 */
module dev.hookyard.plugin.absorbenrich {
    requires dev.hookyard.spi;
    requires dev.hookyard.plugin.outboundhttp;
    requires java.net.http;
    requires com.fasterxml.jackson.databind;

    provides dev.hookyard.spi.HookyardPlugin with dev.hookyard.plugin.absorbenrich.AbsorbEnrichPlugin;
}
