package dev.hookyard.server.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookyard.server.config.HookyardConfig.LoggingSettings.LogFormat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code logging.format}, applied to a Logback context of its own set up as {@code conf/logback.xml} sets up the
 * real one (an output-stream appender with a pattern): json turns each event into one JSON object per line.
 */
class LogFormatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoggerContext context = new LoggerContext();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private Logger logger() {
        context.setMDCAdapter(new LogbackMDCAdapter()); // a context of its own needs its own MDC
        context.start();
        PatternLayoutEncoder pattern = new PatternLayoutEncoder();
        pattern.setContext(context);
        pattern.setPattern("%level %logger - %msg%n");
        pattern.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setName("OUT");
        appender.setEncoder(pattern);
        appender.setOutputStream(out);
        appender.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        return context.getLogger("hookyard.delivery");
    }

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void jsonWritesOneObjectPerLineWithTheFormattedMessage() throws Exception {
        Logger log = logger();
        log.info("before the switch");
        assertTrue(LogFormats.apply(LogFormat.JSON, context));
        log.info("accepted endpoint={} status={} micros={}", "least", 200, 812);
        log.warn("quoted \"text\" and a\nline break", new IllegalStateException("boom"));

        List<String> lines = lines();
        assertEquals(3, lines.size(), () -> String.join("\n", lines));
        assertEquals("INFO hookyard.delivery - before the switch", lines.get(0));
        JsonNode accepted = JSON.readTree(lines.get(1));
        assertEquals("INFO", accepted.path("level").asText());
        assertEquals("hookyard.delivery", accepted.path("loggerName").asText());
        assertEquals("accepted endpoint=least status=200 micros=812", accepted.path("formattedMessage").asText());
        assertTrue(accepted.path("timestamp").isNumber(), lines.get(1));
        assertFalse(accepted.has("message") || accepted.has("arguments"), "the message once, formatted");
        JsonNode warned = JSON.readTree(lines.get(2));
        assertEquals("WARN", warned.path("level").asText());
        assertEquals("quoted \"text\" and a\nline break", warned.path("formattedMessage").asText());
        assertEquals("boom", warned.path("throwable").path("message").asText());
    }

    @Test
    void textKeepsThePattern() {
        Logger log = logger();
        assertTrue(LogFormats.apply(LogFormat.TEXT, context));
        log.info("still text");
        assertEquals(List.of("INFO hookyard.delivery - still text"), lines());
    }
}
