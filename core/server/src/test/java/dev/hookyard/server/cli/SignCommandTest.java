package dev.hookyard.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.testing.LeastFixtures;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Headers;
import dev.hookyard.spi.Verification;
import dev.hookyard.testkit.VendorContexts;
import dev.hookyard.vendor.falkor.FalkorVendorFactory;
import dev.hookyard.spi.Keyring;
import dev.hookyard.spi.Options;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.VendorContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hookyard sign}: the headers a vendor's own signer produces, for a secret never given as an argument. */
class SignCommandTest {

    /** A Standard Webhooks public key: it verifies v1a signatures, and only the matching whsk_ key makes them. */
    private static final String WHPK = "whpk_ZlN4eg7dSSqi0moX9hQUk3orrOouK3QVQSlJa248c/g=";

    private static final Map<String, String> ENV = Map.of("LEAST_SECRET", LeastFixtures.SPEC_SECRET,
            "FALKOR_SECRET", "falkor-secret", "LEAH_CREDENTIAL", "leah-user:leah-password", "LEAH_TOKEN", "token",
            "STANDARD_WEBHOOKS_PUBLIC_KEY", WHPK, "STRIPE_API_KEY", "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
            "GITHUB_SECRET", "It's a Secret to Everybody");

    @TempDir
    Path home;

    @Test
    void theLeastTestVectorFromAnEnvironmentVariableOrAFile() throws Exception {
        Path body = home.resolve("body.json");
        Files.writeString(body, LeastFixtures.SPEC_BODY);
        Path secret = home.resolve("least-secret");
        Files.writeString(secret, LeastFixtures.SPEC_SECRET + "\n");

        CommandRun fromEnvironment = CommandRun.of(home, ENV, "sign", "--vendor", "least", "--secret-env",
                "LEAST_SECRET", "--body-file", body.toString());
        CommandRun fromFile = CommandRun.of(home, ENV, "sign", "--vendor", "least", "--secret-file",
                secret.toString(), "--body-file", body.toString());

        String expected = LeastFixtures.SIGNATURE_HEADER + ": " + LeastFixtures.SPEC_SIGNATURE + "\n";
        assertEquals(0, fromEnvironment.status(), fromEnvironment.transcript());
        assertEquals(expected, fromEnvironment.out(), fromEnvironment.transcript());
        assertEquals(0, fromFile.status(), fromFile.transcript());
        assertEquals(expected, fromFile.out(), fromFile.transcript());
    }

    @Test
    void aCatalogSampleSignedWithOptionsVerifiesAtAnEndpointWithThoseOptions() {
        CommandRun run = CommandRun.of(home, ENV, "sign", "--vendor", "falkor", "--option", "platform=ByteKast",
                "--secret-env", "FALKOR_SECRET", "--type", "enrolments", "--with-body");

        assertEquals(0, run.status(), run.transcript());
        String[] parts = run.out().split("\n\n", 2);
        Map<String, String> headers = new LinkedHashMap<>();
        parts[0].lines().forEach(line -> headers.put(line.substring(0, line.indexOf(": ")),
                line.substring(line.indexOf(": ") + 2)));
        assertTrue(headers.containsKey("ByteKast-Webhook-Signature"), run.transcript());
        byte[] body = parts[1].substring(0, parts[1].length() - 1).getBytes(StandardCharsets.UTF_8);

        Vendor endpoint = new FalkorVendorFactory().create(new VendorContext("bytekast", Keyring.of("falkor-secret"),
                Options.of(Map.of("platform", "ByteKast")), Clock.systemUTC()));
        Delivery delivery = new Delivery("bytekast", Headers.ofSingle(headers), body, Instant.now());
        assertInstanceOf(Verification.Verified.class, endpoint.verifier().verify(delivery), run.transcript());
    }

    @Test
    void githubsTestVectorWithTheEventTypeOfABodyFileInItsHeader() throws Exception {
        Path body = home.resolve("hello.txt");
        Files.writeString(body, "Hello, World!");

        CommandRun untyped = CommandRun.of(home, ENV, "sign", "--vendor", "github", "--secret-env", "GITHUB_SECRET",
                "--body-file", body.toString());
        CommandRun typed = CommandRun.of(home, ENV, "sign", "--vendor", "github", "--secret-env", "GITHUB_SECRET",
                "--body-file", body.toString(), "--event-type", "push");

        assertEquals(0, untyped.status(), untyped.transcript());
        assertTrue(untyped.out().matches("X-GitHub-Delivery: [0-9a-f-]{36}\nX-Hub-Signature-256: sha256="
                + "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17\n"), untyped.transcript());
        assertEquals(0, typed.status(), typed.transcript());
        assertTrue(typed.out().contains("\nX-GitHub-Event: push\n"), typed.transcript());
    }

    @Test
    void aCatalogSampleOfGitHubCarriesItsEventName() {
        CommandRun run = CommandRun.of(home, ENV, "sign", "--vendor", "github", "--secret-env", "GITHUB_SECRET",
                "--type", "pull_request.opened");

        assertEquals(0, run.status(), run.transcript());
        assertTrue(run.out().contains("X-GitHub-Event: pull_request\n"), run.transcript());
    }

    @Test
    void problemsAreUsageErrorsThatSayWhatToFix() {
        CommandRun unset = CommandRun.of(home, ENV, "sign", "--vendor", "least", "--secret-env", "NOT_SET",
                "--type", "record.created");
        assertEquals(2, unset.status(), unset.transcript());
        assertTrue(unset.err().contains("environment variable NOT_SET is not set (fix: export NOT_SET=<secret>"),
                unset.transcript());

        CommandRun option = CommandRun.of(home, ENV, "sign", "--vendor", "least", "--option", "chanel=any",
                "--secret-env", "LEAST_SECRET", "--type", "record.created");
        assertEquals(2, option.status(), option.transcript());
        assertTrue(option.err().contains("--option chanel: is not an option of vendor least (did you mean"
                + " 'channel'?)"), option.transcript());

        CommandRun badValue = CommandRun.of(home, ENV, "sign", "--vendor", "least", "--option", "channel=both",
                "--secret-env", "LEAST_SECRET", "--type", "record.created");
        assertEquals(2, badValue.status(), badValue.transcript());
        assertTrue(badValue.err().contains("--option channel: "), badValue.transcript());

        CommandRun type = CommandRun.of(home, ENV, "sign", "--vendor", "least", "--secret-env", "LEAST_SECRET",
                "--type", "record.creatd");
        assertEquals(2, type.status(), type.transcript());
        assertTrue(type.err().contains("vendor least has no event type 'record.creatd' (did you mean"
                + " 'record.created'?)"), type.transcript());

        CommandRun basic = CommandRun.of(home, ENV, "sign", "--vendor", "leah", "--option", "scheme=basic",
                "--secret-env", "LEAH_TOKEN", "--type", LeahTypes.first());
        assertEquals(2, basic.status(), basic.transcript());
        assertTrue(basic.err().startsWith("hookyard sign: the secret: "), basic.transcript());
        assertTrue(!basic.err().contains("token\n") && !basic.err().contains(": token"), basic.transcript());
    }

    @Test
    void aSecretTheVendorCannotSignWithIsAUsageErrorThatSaysWhichSecretCanAndDoesNotQuoteIt() {
        CommandRun run = CommandRun.of(home, ENV, "sign", "--vendor", "standard-webhooks", "--secret-env",
                "STANDARD_WEBHOOKS_PUBLIC_KEY", "--type", "example.event");

        assertEquals(2, run.status(), run.transcript());
        assertEquals("", run.out(), run.transcript());
        assertTrue(run.err().startsWith("hookyard sign: vendor standard-webhooks cannot sign with this secret: a"
                + " whpk_ public key verifies v1a signatures but cannot make them: sign with the sender's whsk_"
                + " secret key"), run.transcript());
        assertFalse(run.err().contains(WHPK.substring("whpk_".length())), run.transcript());
    }

    @Test
    void aStripeApiKeyIsRefusedAsTheSigningSecretWithWhereToFindIt() {
        CommandRun run = CommandRun.of(home, ENV, "sign", "--vendor", "stripe", "--secret-env", "STRIPE_API_KEY",
                "--type", "invoice.paid");

        assertEquals(2, run.status(), run.transcript());
        assertTrue(run.err().contains("the secret: secret 1 of 1 does not start with whsec_"), run.transcript());
        assertTrue(run.err().contains("Signing secret"), run.transcript());
        assertFalse(run.err().contains("sk_test_4eC39HqLyjWDarjtT1zdp7dc"), run.transcript());
    }

    @Test
    void theSecretCannotBeAnArgumentAndExactlyOneBodyIsNeeded() {
        CommandRun plain = CommandRun.of(home, ENV, "sign", "--vendor", "least", "--secret", "s3cret",
                "--type", "record.created");
        assertEquals(2, plain.status(), plain.transcript());
        assertTrue(plain.err().contains("Unknown option"), plain.transcript());

        CommandRun both = CommandRun.of(home, ENV, "sign", "--vendor", "least", "--secret-env", "LEAST_SECRET",
                "--type", "record.created", "--body-file", "x.json");
        assertEquals(2, both.status(), both.transcript());
        assertTrue(both.err().contains("mutually exclusive"), both.transcript());

        CommandRun typeTwice = CommandRun.of(home, ENV, "sign", "--vendor", "github", "--secret-env",
                "GITHUB_SECRET", "--type", "push", "--event-type", "push");
        assertEquals(2, typeTwice.status(), typeTwice.transcript());
        assertTrue(typeTwice.err().contains("--event-type goes with --body-file"), typeTwice.transcript());

        CommandRun help = CommandRun.of(home, ENV, "sign", "--help");
        assertEquals(0, help.status(), help.transcript());
        assertTrue(help.out().contains("never an argument"), help.transcript());
    }

    /** The first event type in Leah's catalog. */
    private static final class LeahTypes {
        static String first() {
            return new dev.hookyard.vendor.leah.LeahVendorFactory().create(VendorContexts.withSecrets("leah", "t"))
                    .catalog().names().get(0);
        }
    }
}
