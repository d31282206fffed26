package dev.hookyard.server.plugin;

/**
 * Java sources of the plugins the loader tests build into real JARs. Each handler reports what it observed as the
 * reason of {@code Outcome.drop(...)}, which the test reads back (from the call, or from the store).
 */
final class TestPluginSources {

    private TestPluginSources() {
    }

    /**
     * A plugin {@code PKG.Plugin} contributing handler type {@code type}, whose handler runs {@code handleBody}
     * (a block that returns an {@code Outcome}; {@code event} is in scope).
     */
    static String handlerPlugin(String pkg, String type, String imports, String handleBody) {
        return """
                package %1$s;

                import dev.hookyard.spi.*;
                import java.util.List;
                %3$s

                public final class Plugin implements HookyardPlugin {
                    @Override
                    public List<HandlerFactory> handlers() {
                        return List.of(new HandlerFactory() {
                            @Override
                            public String type() {
                                return "%2$s";
                            }

                            @Override
                            public String description() {
                                return "test handler %2$s";
                            }

                            @Override
                            public Handler create(HandlerContext context) {
                                return event -> {
                                    %4$s
                                };
                            }
                        });
                    }
                }
                """.formatted(pkg, type, imports, handleBody);
    }

    /** A library {@code greeting.Greeting} whose API differs between versions 1 and 2. */
    static String greetingLibrary(int version) {
        String method = version == 1
                ? "public static String text() { return \"hello from greeting 1\"; }"
                : "public static String text(String name) { return \"hello \" + name + \" from greeting 2\"; }";
        return """
                package greeting;

                public final class Greeting {
                    private Greeting() {
                    }

                    %s
                }
                """.formatted(method);
    }

    /**
     * Handler type {@code probe}: reports whether the thread context class loader was the plugin's during its
     * factory's {@code create} and during {@code handle}, which host classes it can see, and whether the event is
     * LEAST's own {@code RecordCreated} record (shared with the host).
     */
    static final String PROBE = """
            package probe;

            import dev.hookyard.spi.*;
            import dev.hookyard.vendor.least.events.RecordCreated;
            import java.util.List;

            public final class ProbePlugin implements HookyardPlugin {
                @Override
                public List<HandlerFactory> handlers() {
                    return List.of(new HandlerFactory() {
                        @Override
                        public String type() {
                            return "probe";
                        }

                        @Override
                        public String description() {
                            return "reports what a plugin sees";
                        }

                        @Override
                        public Handler create(HandlerContext context) {
                            ClassLoader own = ProbePlugin.class.getClassLoader();
                            boolean createTccl = Thread.currentThread().getContextClassLoader() == own;
                            return event -> Outcome.drop("create-tccl=" + createTccl
                                    + " handle-tccl=" + (Thread.currentThread().getContextClassLoader() == own)
                                    + " server=" + visible("dev.hookyard.server.Hookyard")
                                    + " host-jackson=" + visible("com.fasterxml.jackson.databind.ObjectMapper")
                                    + " slf4j=" + visible("org.slf4j.Logger")
                                    + " least-internals=" + visible("dev.hookyard.vendor.least.LeastPlugin")
                                    + " spi=" + visible("dev.hookyard.spi.Outcome")
                                    + " event=" + (event instanceof RecordCreated created
                                            ? "RecordCreated#" + created.recordId()
                                            : event.getClass().getName()));
                        }
                    });
                }

                private static boolean visible(String name) {
                    try {
                        Class.forName(name);
                        return true;
                    } catch (ClassNotFoundException e) {
                        return false;
                    }
                }
            }
            """;

    /**
     * A third-party vendor module for the made-up platform "Acme": HMAC-SHA256 of the body in hex in
     * {@code X-Acme-Signature}, a flat JSON envelope {@code {"type": ..., "order_id": ...}}, typed record
     * {@code OrderPlaced} in its own {@code dev.hookyard.vendor.acme.events} package, a catalog and a signer. No
     * library but the JDK, as a small vendor module would be.
     */
    static final String ACME_EVENT = """
            package dev.hookyard.vendor.acme.events;

            import dev.hookyard.spi.Delivery;
            import dev.hookyard.spi.WebhookEvent;

            public record OrderPlaced(String orderId, String deliveryKey, Delivery delivery) implements WebhookEvent {
                public static final String TYPE = "order.placed";

                @Override
                public String vendor() {
                    return "acme";
                }

                @Override
                public String type() {
                    return TYPE;
                }
            }
            """;

    static final String ACME_PLUGIN = """
            package dev.hookyard.vendor.acme;

            import dev.hookyard.spi.*;
            import dev.hookyard.vendor.acme.events.OrderPlaced;
            import java.nio.charset.StandardCharsets;
            import java.security.GeneralSecurityException;
            import java.security.MessageDigest;
            import java.util.HexFormat;
            import java.util.List;
            import java.util.Map;
            import java.util.regex.Matcher;
            import java.util.regex.Pattern;
            import javax.crypto.Mac;
            import javax.crypto.spec.SecretKeySpec;

            public final class AcmePlugin implements HookyardPlugin {
                static final String HEADER = "X-Acme-Signature";
                private static final Pattern TYPE = Pattern.compile("\\"type\\"\\\\s*:\\\\s*\\"([^\\"]+)\\"");
                private static final Pattern ORDER = Pattern.compile("\\"order_id\\"\\\\s*:\\\\s*\\"([^\\"]+)\\"");

                @Override
                public List<VendorFactory> vendors() {
                    return List.of(new VendorFactory() {
                        @Override
                        public String id() {
                            return "acme";
                        }

                        @Override
                        public String description() {
                            return "Acme Orders (HMAC-SHA256, X-Acme-Signature)";
                        }

                        @Override
                        public Vendor create(VendorContext context) {
                            return new AcmeVendor(context.keyring());
                        }
                    });
                }

                static String sign(byte[] body, Secret secret) {
                    try {
                        Mac mac = Mac.getInstance("HmacSHA256");
                        mac.init(new SecretKeySpec(secret.utf8(), "HmacSHA256"));
                        return HexFormat.of().formatHex(mac.doFinal(body));
                    } catch (GeneralSecurityException e) {
                        throw new IllegalStateException(e);
                    }
                }

                static final class AcmeVendor implements Vendor {
                    private final Keyring keyring;

                    AcmeVendor(Keyring keyring) {
                        this.keyring = keyring;
                    }

                    @Override
                    public Verifier verifier() {
                        return delivery -> {
                            String presented = delivery.headers().first(HEADER).orElse("");
                            if (presented.isEmpty()) {
                                return Verification.rejected(RejectionReason.MISSING, "no " + HEADER);
                            }
                            for (Secret secret : keyring.secrets()) {
                                if (MessageDigest.isEqual(sign(delivery.body(), secret).getBytes(StandardCharsets.US_ASCII),
                                        presented.getBytes(StandardCharsets.US_ASCII))) {
                                    return Verification.verified("acme-hmac-sha256");
                                }
                            }
                            return Verification.rejected(RejectionReason.MISMATCH, "no active secret matches");
                        };
                    }

                    @Override
                    public Parser parser() {
                        return delivery -> {
                            String body = delivery.bodyText();
                            Matcher type = TYPE.matcher(body);
                            Matcher order = ORDER.matcher(body);
                            if (!body.trim().startsWith("{") || !type.find() || !order.find()) {
                                return ParseResult.malformed("not an Acme envelope");
                            }
                            String key = "acme:" + type.group(1) + ":" + order.group(1);
                            return ParseResult.parsed(type.group(1).equals(OrderPlaced.TYPE)
                                    ? new OrderPlaced(order.group(1), key, delivery)
                                    : new GenericEvent("acme", type.group(1), key, delivery));
                        };
                    }

                    @Override
                    public EventCatalog catalog() {
                        return new EventCatalog(List.of(
                                new EventType(OrderPlaced.TYPE, "An order was placed", OrderPlaced.class,
                                        "{\\"type\\":\\"order.placed\\",\\"order_id\\":\\"A-1001\\"}"),
                                new EventType("order.cancelled", "An order was cancelled", GenericEvent.class,
                                        "{\\"type\\":\\"order.cancelled\\",\\"order_id\\":\\"A-1001\\"}")));
                    }

                    @Override
                    public Signer signer() {
                        return (body, secret) -> Map.of(HEADER, sign(body, secret));
                    }
                }
            }
            """;
}
