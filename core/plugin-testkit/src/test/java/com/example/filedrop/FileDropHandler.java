package com.example.filedrop;

import dev.hookyard.spi.Handler;
import dev.hookyard.spi.Outcome;
import dev.hookyard.spi.WebhookEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

// tag::handler[]
final class FileDropHandler implements Handler {

    private final Path directory;
    private final long maxBodyBytes;
    private final System.Logger logger;

    FileDropHandler(Path directory, long maxBodyBytes, System.Logger logger) {
        this.directory = directory;
        this.maxBodyBytes = maxBodyBytes;
        this.logger = logger;
    }

    @Override
    public Outcome handle(WebhookEvent event) throws IOException {
        byte[] body = event.delivery().body();
        if (body.length > maxBodyBytes) {
            // Will never fit: retrying cannot help.
            return Outcome.drop("body of " + body.length + " bytes is over maxBodyBytes");
        }
        // The delivery key names the file, so an event delivered twice is written twice to the same file.
        Path file = directory.resolve(event.deliveryKey().replaceAll("[^A-Za-z0-9._-]", "_") + ".json");
        // Opened per call: an interrupt (the call ran past its timeout) leaves nothing broken for the next call.
        Path partial = Files.createTempFile(directory, ".partial-", ".json");
        try {
            Files.write(partial, body);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        logger.log(System.Logger.Level.DEBUG, "wrote {0} ({1} {2})", file.getFileName(), event.vendor(),
                event.type());
        return Outcome.done();
    }
}
// end::handler[]
