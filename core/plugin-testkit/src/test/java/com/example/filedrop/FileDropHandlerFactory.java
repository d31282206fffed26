package com.example.filedrop;

import dev.hookyard.spi.Handler;
import dev.hookyard.spi.HandlerContext;
import dev.hookyard.spi.HandlerFactory;
import dev.hookyard.spi.OptionSpec;
import dev.hookyard.spi.Options;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

// tag::factory[]
public final class FileDropHandlerFactory implements HandlerFactory {

    @Override
    public String type() {
        return "file-drop";
    }

    @Override
    public String description() {
        return "Writes each event's body to <directory>/<delivery key>.json";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.required("directory", "where the files go; relative to the Hookyard home"),
                OptionSpec.optional("maxBodyBytes", "larger bodies are dropped; 1 to 10485760, default 65536"));
    }

    @Override
    public Handler create(HandlerContext context) throws Exception {
        Options options = context.options();
        Path directory = context.resolve(options.requiredString("directory"));
        long maxBodyBytes = options.longValue("maxBodyBytes", 65_536, 1, 10_485_760);
        Files.createDirectories(directory);
        return new FileDropHandler(directory, maxBodyBytes, context.logger());
    }
}
// end::factory[]
