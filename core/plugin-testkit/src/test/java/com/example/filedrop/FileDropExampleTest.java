package com.example.filedrop;

import dev.hookyard.testkit.CompiledJar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin guide's example, built from its sources into the drop-in folder its test loads
 * ({@code target/plugin/file-drop}, as 'mvn package' of an author's project makes it), and the guide's test
 * ({@link FileDropPluginIT}, which an author's build runs after packaging) run against it.
 */
class FileDropExampleTest {

    private static final Path SOURCES = Path.of("src", "test", "java", "com", "example", "filedrop");

    private final FileDropPluginIT guide = new FileDropPluginIT();

    @BeforeAll
    static void buildThePluginFolder() throws IOException {
        CompiledJar.Builder jar = CompiledJar.builder().hookyardPlugin(FileDropPlugin.class.getName());
        for (Class<?> type : new Class<?>[] {FileDropPlugin.class, FileDropHandlerFactory.class,
                FileDropHandler.class}) {
            jar.source(type.getName(), Files.readString(SOURCES.resolve(type.getSimpleName() + ".java"),
                    StandardCharsets.UTF_8));
        }
        jar.writeTo(FileDropPluginIT.PLUGIN.resolve("file-drop-1.0.0.jar"));
    }

    @Test
    void writesEveryCatalogSampleOfAVendor(@TempDir Path home) throws Exception {
        guide.writesEveryCatalogSampleOfAVendor(home);
    }

    @Test
    void refusesOptionsAsTheServerWould(@TempDir Path home) {
        guide.refusesOptionsAsTheServerWould(home);
    }

    @Test
    void handlesASignedDeliveryBehindARealReceiver(@TempDir Path home) {
        guide.handlesASignedDeliveryBehindARealReceiver(home);
    }
}
