package dev.hookyard.server.testing;

import dev.hookyard.server.store.SqliteDeliveryStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The store's files as they are on disk, for tests that check what the file itself holds. */
public final class StoreFiles {

    private StoreFiles() {
    }

    /**
     * The bytes of the database in {@code directory} and of its write-ahead log (whatever SQLite has or has not
     * checkpointed yet), as ISO-8859-1 text: every byte one character, so that stored ASCII text can be searched.
     */
    public static String bytes(Path directory) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        Path db = directory.resolve(SqliteDeliveryStore.FILE_NAME);
        for (Path file : List.of(db, Path.of(db + "-wal"))) {
            if (Files.exists(file)) {
                all.write(Files.readAllBytes(file));
            }
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }
}
