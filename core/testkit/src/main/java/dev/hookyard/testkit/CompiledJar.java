package dev.hookyard.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds a real JAR during a test: Java sources given as strings are compiled with the JDK's compiler (in this
 * JVM) against the Hookyard SPI and any JARs or class folders named, and written with their
 * {@code META-INF/services} entries and, for a modular JAR, a {@code module-info}. What a plugin author's build
 * would produce, without a build: so the loader is tested with genuine JARs, not with classes already on the test
 * class path.
 *
 * <pre>{@code
 * Path jar = CompiledJar.builder()
 *         .source("acme.AcmePlugin", "package acme; public class AcmePlugin implements ... { ... }")
 *         .hookyardPlugin("acme.AcmePlugin")
 *         .writeTo(pluginsDir.resolve("acme.jar"));
 * }</pre>
 */
public final class CompiledJar {

    /** The SPI's entry point, which {@link Builder#hookyardPlugin(String)} declares providers of. */
    public static final String SERVICE = "dev.hookyard.spi.HookyardPlugin";

    private CompiledJar() {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The JAR or class folder a class was loaded from: to compile against it, or to bundle it. */
    public static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JAR or class folder of the Hookyard SPI (always on the compiler's path). */
    public static Path spi() {
        try {
            return locationOf(Class.forName(SERVICE));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the SPI is not on the test class path", e);
        }
    }

    /** Collects sources and entries; {@link #writeTo(Path)} compiles and writes the JAR. */
    public static final class Builder {
        private final Map<String, String> sources = new LinkedHashMap<>();
        private final List<Path> dependencies = new ArrayList<>();
        private final Map<String, List<String>> services = new LinkedHashMap<>();
        private final Map<String, byte[]> resources = new LinkedHashMap<>();
        private String moduleInfo;

        private Builder() {
            dependencies.add(spi());
        }

        /** A class's source: its fully qualified name and the complete compilation unit. */
        public Builder source(String className, String code) {
            sources.put(className, code);
            return this;
        }

        /**
         * JARs or class folders to compile against (not bundled: put them into the plugin folder to ship them). On
         * the module path when the JAR has a {@code module-info}, else on the class path.
         */
        public Builder compileAgainst(Path... jars) {
            dependencies.addAll(List.of(jars));
            return this;
        }

        /** Declares {@code className} as a {@code HookyardPlugin} in {@code META-INF/services}. */
        public Builder hookyardPlugin(String className) {
            return service(SERVICE, className);
        }

        /** Declares a provider of {@code service} in {@code META-INF/services}. */
        public Builder service(String service, String className) {
            services.computeIfAbsent(service, s -> new ArrayList<>()).add(className);
            return this;
        }

        /** Makes it a modular JAR: the source of its {@code module-info.java}. */
        public Builder moduleInfo(String code) {
            this.moduleInfo = code;
            return this;
        }

        /** Any other entry, e.g. a resource or a hand-written services file. */
        public Builder resource(String name, String content) {
            resources.put(name, content.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        /** Compiles the sources and writes the JAR to {@code jar} (its folder is created); returns {@code jar}. */
        public Path writeTo(Path jar) {
            try {
                Files.createDirectories(jar.toAbsolutePath().getParent());
                Path work = Files.createTempDirectory("hookyard-compiled-jar");
                try {
                    Path classes = work.resolve("classes");
                    Files.createDirectories(classes);
                    if (!sources.isEmpty() || moduleInfo != null) {
                        compile(work.resolve("src"), classes);
                    }
                    write(classes, jar);
                } finally {
                    deleteRecursively(work);
                }
                return jar;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void compile(Path sourceRoot, Path classes) throws IOException {
            List<Path> files = new ArrayList<>();
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = sourceRoot.resolve(source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
                files.add(file);
            }
            if (moduleInfo != null) {
                Path file = sourceRoot.resolve("module-info.java");
                Files.createDirectories(sourceRoot);
                Files.writeString(file, moduleInfo, StandardCharsets.UTF_8);
                files.add(file);
            }
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            if (compiler == null) {
                throw new IllegalStateException("no Java compiler in this runtime: run the tests with a JDK");
            }
            String path = dependencies.stream().map(Path::toString)
                    .collect(Collectors.joining(System.getProperty("path.separator")));
            List<String> options = List.of("--release", "17", "-proc:none", "-implicit:none", "-encoding", "UTF-8",
                    "-d", classes.toString(), moduleInfo != null ? "--module-path" : "--class-path", path);
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            StringWriter output = new StringWriter();
            try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                    StandardCharsets.UTF_8)) {
                boolean compiled = compiler.getTask(output, fileManager, diagnostics, options, null,
                        fileManager.getJavaFileObjectsFromPaths(files)).call();
                if (!compiled) {
                    StringBuilder message = new StringBuilder("test sources do not compile:\n");
                    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                        message.append(d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber()
                                + ": ").append(d.getMessage(Locale.ROOT)).append('\n');
                    }
                    throw new AssertionError(message.append(output));
                }
            }
        }

        private void write(Path classes, Path jar) throws IOException {
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().putValue("Created-By", "Hookyard tests");
            try (OutputStream file = Files.newOutputStream(jar);
                 JarOutputStream out = new JarOutputStream(file, manifest);
                 Stream<Path> walk = Files.walk(classes)) {
                for (Path path : walk.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString))
                        .toList()) {
                    entry(out, classes.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
                }
                for (Map.Entry<String, List<String>> service : services.entrySet()) {
                    entry(out, "META-INF/services/" + service.getKey(),
                            (String.join("\n", service.getValue()) + "\n").getBytes(StandardCharsets.UTF_8));
                }
                for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
                    entry(out, resource.getKey(), resource.getValue());
                }
            }
        }

        private static void entry(JarOutputStream out, String name, byte[] content) throws IOException {
            out.putNextEntry(new JarEntry(name));
            out.write(content);
            out.closeEntry();
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
