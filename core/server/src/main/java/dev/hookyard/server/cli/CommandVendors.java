package dev.hookyard.server.cli;

import dev.hookyard.server.assembly.OptionCheck;
import dev.hookyard.server.config.ConfigProblem;
import dev.hookyard.server.config.DidYouMean;
import dev.hookyard.server.plugin.ContextClassLoader;
import dev.hookyard.server.plugin.InstalledPlugins;
import dev.hookyard.spi.EventType;
import dev.hookyard.spi.InvalidOptionException;
import dev.hookyard.spi.Keyring;
import dev.hookyard.spi.Options;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.VendorContext;
import dev.hookyard.spi.VendorFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Finds and builds vendors for the commands that work with one outside a configuration: vendors, sign, send. */
final class CommandVendors {

    /** The endpoint name vendors built by a command see (signers do not depend on it). */
    static final String ENDPOINT = "cli";

    private CommandVendors() {
    }

    /** The installed vendor with this id, or a usage failure listing the ids (with a "did you mean"). */
    static VendorFactory find(InstalledPlugins installed, String id) {
        return installed.vendor(id).orElseThrow(() -> new CommandFailedException(ExitCodes.CONFIG,
                "unknown vendor '" + id + "'" + DidYouMean.hint(id, installed.vendorIds()) + "; installed: "
                        + String.join(", ", installed.vendorIds())
                        + " (a vendor module in plugins/ adds more; run 'hookyard vendors')"));
    }

    /**
     * Builds the vendor as an endpoint with these secrets and options would have it; options are checked as the
     * configuration's are, and any problem is a usage failure naming the option.
     */
    static Vendor create(VendorFactory factory, Keyring keyring, Options options) {
        List<ConfigProblem> problems = new ArrayList<>();
        OptionCheck.check("--option", options, factory.options(), "vendor " + factory.id(), problems);
        if (!problems.isEmpty()) {
            throw new CommandFailedException(ExitCodes.CONFIG, problems.stream()
                    .map(p -> p.key().replaceFirst("^--option\\.", "--option ") + ": " + p.problem()
                            + " (fix: " + p.fix().replace(": <value>", "=<value>") + ")")
                    .collect(Collectors.joining("; ")));
        }
        VendorContext context = new VendorContext(ENDPOINT, keyring, options, Clock.systemUTC());
        try {
            return ContextClassLoader.callAs(factory, () -> factory.create(context));
        } catch (InvalidOptionException e) {
            String where = e.key().startsWith("secrets") ? "the secret" : "--option " + e.key();
            throw new CommandFailedException(ExitCodes.CONFIG, where + ": " + e.problem() + " (fix: " + e.fix() + ")");
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("vendor " + factory.id() + " failed to start", e);
        }
    }

    /** The catalog's event type with this name, or a usage failure listing the names (with a "did you mean"). */
    static EventType eventType(Vendor vendor, String vendorId, String name) {
        return vendor.catalog().find(name).orElseThrow(() -> new CommandFailedException(ExitCodes.CONFIG,
                "vendor " + vendorId + " has no event type '" + name + "'"
                        + DidYouMean.hint(name, vendor.catalog().names()) + "; it has: "
                        + String.join(", ", vendor.catalog().names())));
    }
}
