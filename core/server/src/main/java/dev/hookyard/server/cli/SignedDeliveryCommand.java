package dev.hookyard.server.cli;

import dev.hookyard.server.plugin.ContextClassLoader;
import dev.hookyard.server.plugin.InstalledPlugins;
import dev.hookyard.spi.EventType;
import dev.hookyard.spi.Keyring;
import dev.hookyard.spi.Options;
import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.VendorFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What {@code sign} and {@code send} share: a vendor (with endpoint options), a secret read from the environment or
 * a file, and a body (a file, standard input, or the catalog sample of an event type), signed by the vendor's own
 * {@link dev.hookyard.spi.Signer}.
 *
 * <p>The secret is never an argument: arguments are visible to every user of the machine ({@code ps},
 * {@code /proc/PID/cmdline}) and are kept in shell history.
 */
abstract class SignedDeliveryCommand {

    @ParentCommand
    HookyardCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--vendor", required = true, paramLabel = "ID",
            description = "The vendor whose signature to produce (run 'hookyard vendors' to list them).")
    String vendor;

    @Option(names = "--option", paramLabel = "NAME=VALUE",
            description = "An endpoint option of the vendor, as under 'options:' in the configuration, e.g."
                    + " --option platform=ByteKast for falkor or --option scheme=basic for leah; repeatable."
                    + " The signature must match what the receiving endpoint expects.")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--event-type", paramLabel = "TYPE",
            description = "With --body-file: the body's event type, for vendors that send it in a header rather than"
                    + " in the body (github: X-GitHub-Event; hmac with type: header:NAME). --type names its sample's"
                    + " type itself.")
    String eventType;

    @ArgGroup(exclusive = true, multiplicity = "1", heading = "%nThe secret (never an argument: arguments are"
            + " visible in 'ps' and kept in shell history):%n")
    SecretSource secret;

    @Mixin
    PluginsOption plugins;

    /** Where the secret comes from: exactly one of these. */
    static final class SecretSource {
        @Option(names = "--secret-env", required = true, paramLabel = "NAME",
                description = "Read the secret from environment variable NAME.")
        String environmentVariable;

        @Option(names = "--secret-file", required = true, paramLabel = "PATH",
                description = "Read the secret from this file (without its trailing line break).")
        Path file;
    }

    /** Where the body comes from: exactly one of these. */
    static final class BodySource {
        @Option(names = "--type", required = true, paramLabel = "TYPE",
                description = "Use the vendor's sample body of this event type (see 'hookyard vendors ID').")
        String type;

        @Option(names = "--body-file", required = true, paramLabel = "FILE",
                description = "Use this file's bytes, unchanged, as the body; '-' reads standard input.")
        Path file;
    }

    /** A body and the headers the vendor sends with it. */
    record SignedBody(String vendorId, String typeName, byte[] body, Map<String, String> headers) {
    }

    /** Reads the secret and the body, builds the vendor and signs. */
    SignedBody sign(BodySource bodySource) {
        CommandEnvironment environment = parent.environment();
        Secret key = readSecret(environment);
        try (InstalledPlugins installed = plugins.discover(environment)) {
            VendorFactory factory = CommandVendors.find(installed, vendor);
            Vendor built = CommandVendors.create(factory, new Keyring(List.of(key)), Options.of(options));
            String typeName;
            byte[] body;
            if (bodySource.type != null) {
                if (eventType != null) {
                    throw new CommandFailedException(ExitCodes.CONFIG, "--event-type goes with --body-file; --type"
                            + " already names the event type of its sample");
                }
                EventType type = CommandVendors.eventType(built, factory.id(), bodySource.type);
                typeName = type.name();
                body = type.sampleBody().getBytes(StandardCharsets.UTF_8);
            } else {
                typeName = eventType;
                body = readBody(bodySource.file);
            }
            byte[] signed = body.clone();
            Map<String, String> headers;
            try {
                // With its type, a vendor that names the type in a header (GitHub) sends that header too.
                headers = ContextClassLoader.callAs(built, () -> typeName == null ? built.signer().sign(signed, key)
                        : built.signer().sign(signed, key, typeName));
            } catch (IllegalArgumentException e) {
                // The Signer contract: a secret it cannot sign with (a public key, say), with a message that never
                // quotes the secret and says what would sign.
                throw new CommandFailedException(ExitCodes.CONFIG, "vendor " + factory.id()
                        + " cannot sign with this secret: " + e.getMessage());
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("the signer of vendor " + factory.id() + " failed", e);
            }
            return new SignedBody(factory.id(), typeName, body, new TreeMap<>(headers));
        }
    }

    private Secret readSecret(CommandEnvironment environment) {
        if (secret.environmentVariable != null) {
            String name = secret.environmentVariable;
            String value = environment.variables().apply(name);
            if (value == null || value.isEmpty()) {
                throw new CommandFailedException(ExitCodes.CONFIG, "environment variable " + name + " is not set"
                        + " (fix: export " + name + "=<secret> first, or use --secret-file PATH)");
            }
            return Secret.of(value);
        }
        // Files named on the command line are relative to the working directory, like any command's.
        Path path = secret.file.toAbsolutePath().normalize();
        String content;
        try {
            content = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new CommandFailedException(ExitCodes.CONFIG, "cannot read the secret file " + path + " ("
                    + e.getClass().getSimpleName() + "; fix: check the path and that this user may read it)");
        }
        // As ${file:...} in the configuration: the content without its trailing line break.
        String value = content.replaceFirst("\\R+$", "");
        if (value.isEmpty()) {
            throw new CommandFailedException(ExitCodes.CONFIG, "the secret file " + path + " is empty");
        }
        return Secret.of(value);
    }

    private static byte[] readBody(Path file) {
        if (file.toString().equals("-")) {
            try {
                InputStream in = System.in;
                return in.readAllBytes();
            } catch (IOException e) {
                throw new CommandFailedException(ExitCodes.FAILURE, "cannot read the body from standard input ("
                        + e.getMessage() + ")");
            }
        }
        Path path = file.toAbsolutePath().normalize();
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new CommandFailedException(ExitCodes.CONFIG, "cannot read the body file " + path + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
