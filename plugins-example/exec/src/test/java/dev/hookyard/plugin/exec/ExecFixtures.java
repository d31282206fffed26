package dev.hookyard.plugin.exec;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.GenericEvent;
import dev.hookyard.spi.Handler;
import dev.hookyard.spi.HandlerContext;
import dev.hookyard.spi.Headers;
import dev.hookyard.spi.Options;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.WebhookEvent;
import dev.hookyard.testkit.Polling;
import dev.hookyard.testkit.SignedDeliveries;
import dev.hookyard.testkit.VendorContexts;
import dev.hookyard.vendor.least.LeastVendorFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Shared fixtures: handlers built through the factory as the host builds them, scripts, events, polling. */
final class ExecFixtures {

    static final String LEAST_SECRET = "s3cret";

    private ExecFixtures() {
    }

    static Handler handler(Path home, Map<String, ?> options) {
        return new ExecHandlerFactory().create(context(home, options));
    }

    static HandlerContext context(Path home, Map<String, ?> options) {
        return new HandlerContext("hook", Options.of(options), VendorContexts.FIXED_CLOCK, System.getLogger("exec"),
                home);
    }

    /** Options running {@code script} with {@code args}, plus {@code extra}. */
    static Map<String, Object> options(Path script, List<String> args, Map<String, ?> extra) {
        Map<String, Object> options = new LinkedHashMap<>(extra);
        List<String> command = new ArrayList<>();
        command.add(script.toString());
        command.addAll(args);
        options.put("command", command);
        return options;
    }

    /** An executable /bin/sh script with this body: the CONFIGURED command, written by the operator. */
    static Path script(Path directory, String name, String body) {
        try {
            Path script = directory.resolve(name);
            Files.writeString(script, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A genuine LEAST delivery of the catalog sample, signed and parsed by the real vendor module. */
    static WebhookEvent leastEvent(String type) {
        Vendor vendor = new LeastVendorFactory().create(VendorContexts.withSecrets("least", LEAST_SECRET));
        Delivery delivery = SignedDeliveries.of(vendor, "least", Secret.of(LEAST_SECRET), VendorContexts.FIXED_INSTANT)
                .sample(type);
        return ((ParseResult.Parsed) vendor.parser().parse(delivery)).event();
    }

    static WebhookEvent event(String key, byte[] body) {
        return new GenericEvent("least", "record.created", key,
                new Delivery("least", Headers.empty(), body, Instant.parse("2025-01-01T12:00:00Z")));
    }

    static WebhookEvent event(String key, String body) {
        return event(key, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Polls until the condition holds; fails after the deadline. Never a fixed sleep. */
    static void await(String what, Duration deadline, BooleanSupplier condition) {
        Polling.until(what, deadline, condition);
    }

    /**
     * Whether the process still runs. A killed process whose parent died before reaping it stays a zombie where PID 1
     * does not reap orphans (some containers); it is dead, though {@link ProcessHandle#isAlive()} says otherwise.
     */
    static boolean running(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc/" + pid + "/stat");
        try {
            String text = Files.readString(stat);
            String state = text.substring(text.lastIndexOf(')') + 2, text.lastIndexOf(')') + 3);
            return !state.equals("Z") && !state.equals("X");
        } catch (IOException e) {
            return handle.get().isAlive();
        }
    }

    /** The NAME=VALUE lines of an {@code env} dump as a map (values here never contain newlines). */
    static Map<String, String> environment(Path dump) {
        try {
            Map<String, String> result = new LinkedHashMap<>();
            for (String line : Files.readAllLines(dump, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                result.put(line.substring(0, eq), line.substring(eq + 1));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
