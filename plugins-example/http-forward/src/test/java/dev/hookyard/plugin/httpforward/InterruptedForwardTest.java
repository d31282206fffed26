package dev.hookyard.plugin.httpforward;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.hookyard.spi.Handler;
import dev.hookyard.spi.Outcome;
import dev.hookyard.testkit.HandlerCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The host interrupts a call that ran past the handler's timeout (the contract of {@link Handler}): the POST under way
 * is given up, and the handler's HTTP client, shared by all calls, still forwards the next event.
 */
class InterruptedForwardTest {

    private static final String PATH = "/hook";

    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance().options(options().dynamicPort()).build();

    @Test
    void aForwardInterruptedWhileWaitingForTheAnswerLeavesTheClientUsableForTheNextEvent() throws Exception {
        // Far longer than the test: only the interrupt ends the first call.
        server.stubFor(post(PATH).withHeader(HttpForwardHandler.DELIVERY_KEY_HEADER, equalTo("stuck"))
                .willReturn(ok().withFixedDelay(60_000)));
        server.stubFor(post(PATH).withHeader(HttpForwardHandler.DELIVERY_KEY_HEADER, equalTo("next"))
                .willReturn(ok()));

        try (Handler handler = new HttpForwardHandlerFactory().create(TestEvents.context(
                Map.of("url", server.baseUrl() + PATH, "timeoutSeconds", 120)))) {
            HandlerCall stuck = HandlerCall.start(handler, event("stuck"))
                    .interruptWhen("the target received the first POST", () -> posted().size() == 1);
            assertInstanceOf(InterruptedException.class, stuck.failure());

            assertSame(Outcome.done(), HandlerCall.call(handler, event("next")));
        }
        assertEquals(List.of("stuck", "next"), posted());
    }

    private static List<String> posted() {
        return server.findAll(postRequestedFor(urlEqualTo(PATH))).stream()
                .map(request -> request.getHeader(HttpForwardHandler.DELIVERY_KEY_HEADER)).toList();
    }

    private static dev.hookyard.spi.WebhookEvent event(String deliveryKey) {
        return TestEvents.event("least", "record.created", deliveryKey, "{}", Map.of());
    }
}
