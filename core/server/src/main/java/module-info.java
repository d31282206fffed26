/**
 * The Hookyard server: Jetty host, delivery pipeline, configuration, store, dispatch and the {@code hookyard}
 * command. Exports nothing to plugins, which see only {@code dev.hookyard.spi}; some packages are exported to the
 * plugin test kit only, which is built after the server (hence the "module not found" warning suppressed).
 */
@SuppressWarnings("module")
module dev.hookyard.server {
    requires dev.hookyard.spi;
    requires org.eclipse.jetty.server;
    requires org.eclipse.jetty.http;
    requires org.eclipse.jetty.io;
    requires org.eclipse.jetty.util;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires com.google.guice;
    requires com.google.common;
    requires jakarta.inject;
    requires info.picocli;
    requires org.slf4j;
    // logging.format: json swaps the encoders of the appenders conf/logback.xml set up.
    requires ch.qos.logback.classic;
    requires ch.qos.logback.core;
    // Metrics (automatic modules; the io.prometheus.metrics.* ones they need come along on the module path).
    requires micrometer.core;
    requires micrometer.registry.prometheus;
    // Micrometer's JVM binders read the platform MXBeans (GC notifications are in jdk.management).
    requires java.management;
    requires jdk.management;
    requires java.sql;
    // java.net.http.HttpClient: 'hookyard send' posts signed deliveries.
    requires java.net.http;
    requires org.xerial.sqlitejdbc;
    // store.type: postgres. pgjdbc, Flyway and its PostgreSQL support are automatic modules (Flyway finds the
    // PostgreSQL support through ServiceLoader); HikariCP is an explicit one.
    requires org.postgresql.jdbc;
    requires com.zaxxer.hikari;
    requires flyway.core;
    requires flyway.database.postgresql;
    // tracing: (automatic modules). The OTLP exporter finds its HTTP sender (the JDK's HttpClient) by ServiceLoader.
    requires io.opentelemetry.api;
    requires io.opentelemetry.context;
    requires io.opentelemetry.sdk;
    requires io.opentelemetry.sdk.common;
    requires io.opentelemetry.sdk.trace;
    requires io.opentelemetry.exporter.otlp;
    // The SDK logs through java.util.logging; ExporterLogBridge sends it to SLF4J.
    requires java.logging;
    requires io.github.resilience4j.core;
    requires io.github.resilience4j.bulkhead;
    requires io.github.resilience4j.timelimiter;
    // sun.misc.Signal: SIGTERM starts an orderly shutdown that exits 0.
    requires jdk.unsupported;

    uses dev.hookyard.spi.HookyardPlugin;

    provides dev.hookyard.spi.HookyardPlugin with dev.hookyard.server.builtin.BuiltinPlugin;

    // The plugin test kit loads plugins, checks handler options and runs a receiver with the server's own code.
    exports dev.hookyard.server to dev.hookyard.testkit.plugin;
    exports dev.hookyard.server.assembly to dev.hookyard.testkit.plugin;
    exports dev.hookyard.server.config to dev.hookyard.testkit.plugin;
    exports dev.hookyard.server.endpoint to dev.hookyard.testkit.plugin;
    exports dev.hookyard.server.plugin to dev.hookyard.testkit.plugin;
    exports dev.hookyard.server.store to dev.hookyard.testkit.plugin;

    // Guice reflects on the module's provider methods and on the classes it constructs.
    opens dev.hookyard.server.inject to com.google.guice;
    // picocli injects options into command fields by reflection.
    opens dev.hookyard.server.cli to info.picocli;
}
