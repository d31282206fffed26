package dev.hookyard.plugin.jsonlarchive;

import dev.hookyard.spi.Handler;
import dev.hookyard.spi.HandlerContext;
import dev.hookyard.spi.HandlerFactory;
import dev.hookyard.spi.InvalidOptionException;
import dev.hookyard.spi.OptionSpec;
import dev.hookyard.spi.Options;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds {@code jsonl-archive} handlers. Options: {@code dir} (required; relative to the Hookyard home; created if
 * missing), {@code fsync} (default {@code true}) and {@code body} ({@code json} or {@code base64}, default
 * {@code json}). The directory is created and checked here, so that a wrong path stops startup instead of failing
 * every event.
 */
public final class JsonlArchiveHandlerFactory implements HandlerFactory {

    static final String TYPE = "jsonl-archive";
    static final String DIR = "dir";
    static final String FSYNC = "fsync";
    static final String BODY = "body";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "Appends each event (headers masked, raw body kept) as one JSON line to a file per UTC day";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.required(DIR, "directory of the daily files <yyyy-MM-dd>.jsonl; relative to the Hookyard"
                        + " home; created if missing"),
                OptionSpec.optional(FSYNC, "true to force each line to disk before the event counts as done;"
                        + " default true"),
                OptionSpec.optional(BODY, "json (the body embedded as JSON when it is JSON, else base64 in"
                        + " bodyBase64) or base64 (always the exact bytes in bodyBase64); default json"));
    }

    @Override
    public Handler create(HandlerContext context) {
        Options options = context.options();
        Path directory = directory(context.resolve(options.requiredString(DIR)));
        boolean fsync = options.bool(FSYNC, true);
        BodyFormat body = BodyFormat.fromOption(
                options.oneOf(BODY, BodyFormat.optionValues(), BodyFormat.JSON.optionValue()));
        return new JsonlArchiveHandler(new ArchiveLineEncoder(body, context.credentialHeaders()),
                new DailyFiles(directory, context.clock(), fsync));
    }

    /** Creates the directory if needed and returns its real path, or says what is wrong with it. */
    private static Path directory(Path path) {
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new InvalidOptionException(DIR, "is a file, not a directory: " + path,
                    "point " + DIR + " at a directory (it is created if missing), or move the file away");
        }
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new InvalidOptionException(DIR, "cannot be created: " + path + " (" + e + ")",
                    "create it for the user Hookyard runs as, or choose another " + DIR);
        }
        if (!Files.isWritable(path)) {
            throw new InvalidOptionException(DIR, "is not writable: " + path,
                    "let the user Hookyard runs as write to it, or choose another " + DIR);
        }
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new InvalidOptionException(DIR, "cannot be resolved: " + path + " (" + e + ")",
                    "choose another " + DIR);
        }
    }
}
