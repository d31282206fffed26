package dev.hookyard.plugin.httpforward;

import dev.hookyard.spi.HookyardPlugin;
import dev.hookyard.spi.InvalidOptionException;
import dev.hookyard.spi.OptionSpec;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The factory's options: what is accepted, and a key-naming error for everything else. No server needed. */
class HttpForwardOptionsTest {

    private static final String URL = "https://hooks.example.com/catch/123/abc";

    @Test
    void thePluginIsFoundByTheServiceLoader() {
        List<String> types = ServiceLoader.load(HookyardPlugin.class).stream()
                .flatMap(provider -> provider.get().handlers().stream())
                .map(factory -> factory.type())
                .toList();
        assertTrue(types.contains("http-forward"), types.toString());
    }

    @Test
    void credentialBearingOptionsAreMarkedSecret() {
        Map<String, Boolean> secret = new HttpForwardHandlerFactory().options().stream()
                .collect(Collectors.toMap(OptionSpec::name, OptionSpec::secret));
        assertEquals(Map.of("url", true, "format", false, "text", false, "headers", true, "signingSecret", true,
                "signatureHeader", false, "timeoutSeconds", false), secret);
    }

    @Test
    void aFullValidConfigurationIsAccepted() throws Exception {
        Map<String, Object> options = Map.of("url", URL, "format", "envelope",
                "headers", Map.of("X-Source", "hookyard {{vendor}}"), "signingSecret", "k",
                "signatureHeader", "X-Sig", "timeoutSeconds", "30");
        new HttpForwardHandlerFactory().create(TestEvents.context(options)).close();
    }

    @Test
    void theUrlIsRequired() {
        assertProblem(Map.of(), "url");
    }

    @Test
    void theUrlMustBeHttpOrHttps() {
        assertProblem(Map.of("url", "ftp://example.com/x"), "url");
        assertProblem(Map.of("url", "hooks.slack.com/services/x"), "url");
        assertProblem(Map.of("url", "https://exa mple.com/"), "url");
        assertProblem(Map.of("url", "https:///path-only"), "url");
    }

    @Test
    void credentialsInTheUrlAreRejectedWithoutShowingThem() {
        InvalidOptionException e = assertProblem(Map.of("url", "https://user:hunter2@example.com/"), "url");
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void aHeaderTemplateWithALineBreakIsRejected() {
        InvalidOptionException e = assertProblem(withUrl("headers", Map.of("X-Evil", "a\r\nX-Injected: 1")),
                "headers.X-Evil");
        assertTrue(e.problem().contains("line break"), e.problem());
        assertProblem(withUrl("headers", Map.of("X-Evil", "a\nb")), "headers.X-Evil");
    }

    @Test
    void aHeaderTemplateWithAnUnknownPlaceholderIsRejected() {
        InvalidOptionException e = assertProblem(withUrl("headers", Map.of("X-User", "{{payload.userId}}")),
                "headers.X-User");
        assertTrue(e.fix().contains("{{deliveryKey}}"), e.fix());
        assertProblem(withUrl("headers", Map.of("X-User", "{{vendor")), "headers.X-User");
    }

    @Test
    void badHeaderNamesAreRejected() {
        assertProblem(withUrl("headers", Map.of("X Bad", "v")), "headers.X Bad");
        assertProblem(withUrl("headers", Map.of("Host", "v")), "headers.Host");
        assertProblem(withUrl("headers", Map.of("x-hookyard-delivery-key", "v")), "headers.x-hookyard-delivery-key");
        assertProblem(withUrl("headers", Map.of("X-Hookyard-Signature", "v"), "signingSecret", "k"),
                "headers.X-Hookyard-Signature");
        assertProblem(withUrl("headers", Map.of("X-Ctl", "a\u0001b")), "headers.X-Ctl");
    }

    @Test
    void theFormatMustBeKnown() {
        assertProblem(withUrl("format", "xml"), "format");
    }

    @Test
    void textNeedsTheSlackFormat() {
        assertProblem(withUrl("text", "hi"), "text");
        assertProblem(withUrl("format", "slack", "text", "{{body}}"), "text");
    }

    @Test
    void signingOptionsMustMakeSense() {
        assertProblem(withUrl("signatureHeader", "X-Sig"), "signatureHeader");
        assertProblem(withUrl("signingSecret", " "), "signingSecret");
        assertProblem(withUrl("signingSecret", "k", "signatureHeader", "Bad Header"), "signatureHeader");
        assertProblem(withUrl("signingSecret", "k", "signatureHeader", "X-Hookyard-Delivery-Key"), "signatureHeader");
    }

    @Test
    void theTimeoutIsBounded() {
        assertProblem(withUrl("timeoutSeconds", 0), "timeoutSeconds");
        assertProblem(withUrl("timeoutSeconds", 301), "timeoutSeconds");
        assertProblem(withUrl("timeoutSeconds", "soon"), "timeoutSeconds");
    }

    private static Map<String, Object> withUrl(Object... keysAndValues) {
        Map<String, Object> options = new HashMap<>();
        options.put("url", URL);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            options.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return options;
    }

    private static InvalidOptionException assertProblem(Map<String, ?> options, String key) {
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> new HttpForwardHandlerFactory().create(TestEvents.context(options)).close());
        assertEquals(key, e.key(), e.getMessage());
        assertFalse(e.getMessage().contains("/catch/123/abc"), e.getMessage());
        return e;
    }
}
