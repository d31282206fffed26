package dev.hookyard.plugin.absorbenrich;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.hookyard.spi.Handler;
import dev.hookyard.spi.Outcome;
import dev.hookyard.spi.WebhookEvent;
import dev.hookyard.testkit.HandlerCall;
import dev.hookyard.testkit.Polling;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The host interrupts a call that ran past the handler's timeout (the contract of {@link Handler}): the call gives up
 * whatever it waits for, and the handler's shared HTTP client and token still serve the next event.
 */
class InterruptedEnrichTest {

    private static final String USER_ID = "8b1d5c3e-0f7a-4e29-b6d4-71c2a9e5f380";
    private static final String SLOW_USER_ID = "0d6f2a57-3c1e-4b8a-9e7d-5a4c3b2a1f00";
    private static final String TOKEN = "token-1";
    /** Far longer than the test: only an interrupt ends a call waiting for it. */
    private static final int STUCK_MILLIS = 120_000;

    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance().options(options().dynamicPort()).build();

    private Handler handler;

    @BeforeEach
    void stubAbsorbAndTarget() {
        server.resetAll();
        server.stubFor(get("/users/" + USER_ID).withHeader("Authorization", equalTo(TOKEN))
                .willReturn(okJson("{\"id\":\"" + USER_ID + "\"}")));
        server.stubFor(get("/users/" + SLOW_USER_ID).willReturn(okJson("{}").withFixedDelay(STUCK_MILLIS)));
        server.stubFor(post("/forward").willReturn(aResponse().withStatus(200)));
        handler = TestEvents.handler(server.baseUrl(), Map.of("timeoutSeconds", 300));
    }

    @AfterEach
    void closeHandler() throws Exception {
        handler.close();
    }

    @Test
    void aCallInterruptedWhileFetchingARecordLeavesTheHandlerUsableForTheNextEvent() throws Exception {
        server.stubFor(post("/authenticate").willReturn(okJson("\"" + TOKEN + "\"")));

        HandlerCall stuck = HandlerCall.start(handler, userEvent("stuck", SLOW_USER_ID))
                .interruptWhen("Absorb received the slow user's GET",
                        () -> !server.findAll(getRequestedFor(urlEqualTo("/users/" + SLOW_USER_ID))).isEmpty());
        assertInstanceOf(InterruptedException.class, stuck.failure());

        assertSame(Outcome.done(), HandlerCall.call(handler, userEvent("next", USER_ID)));
        server.verify(1, postRequestedFor(urlEqualTo("/authenticate"))); // the token outlived the interrupt
        server.verify(1, postRequestedFor(urlEqualTo("/forward")));
    }

    @Test
    void aCallWaitingForAnotherCallsAuthenticationGivesUpAtOnceWhenInterrupted() throws Exception {
        // The first authentication hangs; once it has been asked for, the next one is answered at once.
        server.stubFor(post("/authenticate").inScenario("auth").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("answering").willReturn(okJson("\"" + TOKEN + "\"").withFixedDelay(STUCK_MILLIS)));
        server.stubFor(post("/authenticate").inScenario("auth").whenScenarioStateIs("answering")
                .willReturn(okJson("\"" + TOKEN + "\"")));

        HandlerCall authenticating = HandlerCall.start(handler, userEvent("authenticating", USER_ID));
        Polling.until("Absorb received the first authentication",
                () -> !server.findAll(postRequestedFor(urlEqualTo("/authenticate"))).isEmpty());
        HandlerCall waiting = HandlerCall.start(handler, userEvent("waiting", USER_ID));
        waiting.interruptWhen("the second call waits for the first one's token", waiting::isWaiting);

        assertInstanceOf(InterruptedException.class, waiting.failure());
        assertFalse(authenticating.isDone(), "it gave up while the first call was still authenticating");

        authenticating.interrupt();
        assertInstanceOf(InterruptedException.class, authenticating.failure());
        assertSame(Outcome.done(), HandlerCall.call(handler, userEvent("next", USER_ID)));
        server.verify(2, postRequestedFor(urlEqualTo("/authenticate"))); // no token came of the interrupted one
        server.verify(1, postRequestedFor(urlEqualTo("/forward")));
    }

    private static WebhookEvent userEvent(String deliveryKey, String userId) {
        return TestEvents.absorb(deliveryKey, "{\"eventName\":\"User Created\",\"userId\":\"" + userId + "\"}");
    }
}
