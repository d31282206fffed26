package dev.hookyard.plugin.jsonlarchive;

import dev.hookyard.spi.Handler;
import dev.hookyard.spi.HandlerFactory;
import dev.hookyard.spi.HookyardPlugin;
import dev.hookyard.spi.InvalidOptionException;
import dev.hookyard.spi.OptionSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static dev.hookyard.plugin.jsonlarchive.ArchiveFixtures.event;
import static dev.hookyard.plugin.jsonlarchive.ArchiveFixtures.lines;
import static dev.hookyard.testkit.VendorContexts.FIXED_CLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonlArchiveHandlerFactoryTest {

    @TempDir
    Path home;

    private InvalidOptionException invalid(Map<String, ?> options) {
        return assertThrows(InvalidOptionException.class,
                () -> new JsonlArchiveHandlerFactory().create(ArchiveFixtures.context(home, FIXED_CLOCK, options)));
    }

    @Test
    void isFoundByServiceLoaderAsTheJsonlArchiveType() {
        List<String> types = ServiceLoader.load(HookyardPlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(JsonlArchivePlugin.class::isInstance)
                .flatMap(plugin -> plugin.handlers().stream())
                .map(HandlerFactory::type)
                .toList();

        assertEquals(List.of("jsonl-archive"), types);
    }

    @Test
    void declaresItsOptions() {
        List<OptionSpec> options = new JsonlArchiveHandlerFactory().options();

        assertEquals(List.of("dir", "fsync", "body"), options.stream().map(OptionSpec::name).toList());
        assertEquals(List.of(true, false, false), options.stream().map(OptionSpec::required).toList());
    }

    @Test
    void aMissingDirNamesTheKey() {
        assertEquals("dir", invalid(Map.of()).key());
        assertEquals("dir", invalid(Map.of("dir", " ")).key());
    }

    @Test
    void aDirThatIsAFileNamesTheKeyAndThePath() throws Exception {
        Files.writeString(home.resolve("archive"), "not a directory");

        InvalidOptionException e = invalid(Map.of("dir", "archive"));

        assertEquals("dir", e.key());
        assertTrue(e.problem().contains("is a file"), e.problem());
        assertTrue(e.problem().contains(home.resolve("archive").toString()), e.problem());
    }

    @Test
    void aDirThatCannotBeCreatedNamesTheKey() throws Exception {
        Files.writeString(home.resolve("file"), "in the way");

        InvalidOptionException e = invalid(Map.of("dir", "file/archive"));

        assertEquals("dir", e.key());
        assertTrue(e.problem().contains("cannot be created"), e.problem());
    }

    @Test
    void wrongFsyncAndBodyValuesNameTheirKeys() {
        assertEquals("fsync", invalid(Map.of("dir", "a", "fsync", "sometimes")).key());
        assertEquals("body", invalid(Map.of("dir", "a", "body", "xml")).key());
    }

    @Test
    void createsAMissingDirectoryRelativeToTheHome() throws Exception {
        try (Handler handler = ArchiveFixtures.handler(home, FIXED_CLOCK, Map.of("dir", "data/archive/least"))) {
            handler.handle(event("k", "{}"));
        }

        assertEquals(1, lines(home.resolve("data/archive/least/2025-01-01.jsonl")).size());
    }

    @Test
    void keepsAnAbsoluteDir() throws Exception {
        Path elsewhere = Files.createTempDirectory(home, "abs");
        try (Handler handler = ArchiveFixtures.handler(home.resolve("unused"), FIXED_CLOCK,
                Map.of("dir", elsewhere.toString()))) {
            handler.handle(event("k", "{}"));
        }

        assertEquals(1, lines(elsewhere.resolve("2025-01-01.jsonl")).size());
    }
}
