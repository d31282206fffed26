package dev.hookyard.server.vendors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.Hookyard;
import dev.hookyard.server.builtin.BuiltinPlugin;
import dev.hookyard.server.config.ConfigProblem;
import dev.hookyard.server.config.InvalidConfigException;
import dev.hookyard.server.endpoint.Endpoint;
import dev.hookyard.server.plugin.InstalledPlugins;
import dev.hookyard.server.testing.TestServer;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Headers;
import dev.hookyard.spi.Secret;
import dev.hookyard.testkit.SignedDeliveries;
import dev.hookyard.vendor.hmac.HmacPlugin;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An hmac endpoint whose type and key come from headers, through the real intake: the parser sees headers as the
 * store keeps them, credentials masked, so a type or key header the host masks would read {@code ****} for every
 * delivery. Such an endpoint is refused at startup; one with ordinary header names keys each delivery id apart.
 */
class HmacHeaderFieldsEndToEndTest {

    private static final String SECRET = "hmac-header-secret";

    private static String yaml(String keyHeader) {
        return TestServer.serverSection() + """
                endpoints:
                  orders:
                    vendor: hmac
                    secrets: ["%s"]
                    options: { header: X-Orders-Signature, type: "header:X-Orders-Event", key: "header:%s" }
                handlers:
                  log: { type: log }
                routes:
                  - { from: "*", to: [log] }
                """.formatted(SECRET, keyHeader);
    }

    private static InstalledPlugins plugins() {
        return InstalledPlugins.of(List.of(new BuiltinPlugin(), new HmacPlugin()));
    }

    @Test
    void aKeyHeaderTheHostMasksIsRefusedAtStartupNamingTheOption(@TempDir Path home) {
        InvalidConfigException refused = assertThrows(InvalidConfigException.class, () -> Hookyard.start(
                TestServer.load(home, yaml("X-Delivery-Token")), plugins(), Clock.systemUTC(),
                TestServer.FAST_RETRIES).close());

        ConfigProblem problem = refused.problems().stream().filter(p -> p.key().equals("endpoints.orders.options.key"))
                .findFirst().orElseThrow(() -> new AssertionError(refused.getMessage()));
        assertTrue(problem.problem().contains("masks as **** before parsing"), problem.problem());
    }

    @Test
    void eachDeliveryIdInAnOrdinaryHeaderIsOneDeliveryAndTheTypeHeaderIsItsType(@TempDir Path home)
            throws Exception {
        try (TestServer server = TestServer.wrap(Hookyard.start(TestServer.load(home, yaml("X-Orders-Id")),
                plugins(), Clock.systemUTC(), TestServer.FAST_RETRIES))) {
            Endpoint orders = server.hookyard().endpoints().byName("orders").orElseThrow();
            Delivery signed = SignedDeliveries.of(orders.vendor(), "orders", Secret.of(SECRET), Instant.now())
                    .body("{\"total\":12.50}", "order.paid");

            HttpResponse<String> first = server.post(orders.path(), withId(signed, "evt_1"));
            HttpResponse<String> again = server.post(orders.path(), withId(signed, "evt_1"));
            HttpResponse<String> second = server.post(orders.path(), withId(signed, "evt_2"));

            assertEquals("accepted\n", first.body());
            assertEquals(200, again.statusCode());
            assertEquals("duplicate\n", again.body());
            assertEquals("accepted\n", second.body());
            assertEquals(2, server.deliveryCount());
            assertEquals("order.paid", server.store().find(1).orElseThrow().eventType());
        }
    }

    /** The same signed delivery with another value in the unsigned X-Orders-Id header. */
    private static Delivery withId(Delivery delivery, String id) {
        Map<String, List<String>> headers = new LinkedHashMap<>(delivery.headers().toMap());
        headers.put("X-Orders-Id", List.of(id));
        return new Delivery(delivery.endpoint(), Headers.of(headers), delivery.body(), delivery.receivedAt());
    }
}
