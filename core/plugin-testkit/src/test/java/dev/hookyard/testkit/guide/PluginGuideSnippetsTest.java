package dev.hookyard.testkit.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every Java snippet of {@code docs/plugin-guide.md} is a region of a real source file under this module's test
 * sources, which the build compiles (and runs, for the tests among them): each {@code ```java} block must be
 * preceded by {@code <!-- snippet: PATH#TAG -->} and be exactly the lines between {@code // tag::TAG[]} and
 * {@code // end::TAG[]} of that file. A block that is not, or a source that changed without the guide, fails here.
 */
class PluginGuideSnippetsTest {

    static final Path REPOSITORY = Path.of("..", "..");
    static final Path GUIDE = REPOSITORY.resolve("docs/plugin-guide.md");

    private static final Pattern BLOCK = Pattern.compile("(?:<!-- snippet: (\\S+)#(\\S+) -->\\n)?```java\\n(.*?)```",
            Pattern.DOTALL);

    /** One {@code ```java} block of the guide and where it says it comes from (null when it does not say). */
    record Snippet(String path, String tag, String code) {
    }

    static List<Snippet> snippets() throws IOException {
        Matcher matcher = BLOCK.matcher(Files.readString(GUIDE, StandardCharsets.UTF_8));
        List<Snippet> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(new Snippet(matcher.group(1), matcher.group(2), matcher.group(3)));
        }
        return found;
    }

    /** The lines between the tag's markers, without the indentation they share. */
    static String region(Path file, String tag) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int start = -1;
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.equals("// tag::" + tag + "[]")) {
                start = i + 1;
            } else if (line.equals("// end::" + tag + "[]")) {
                end = i;
            }
        }
        assertTrue(start >= 0 && end >= start, "no region " + tag + " in " + file);
        List<String> region = lines.subList(start, end);
        int indent = region.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder text = new StringBuilder();
        region.forEach(l -> text.append(l.isBlank() ? "" : l.substring(indent)).append('\n'));
        return text.toString();
    }

    @Test
    void everyJavaBlockIsARegionOfACompiledSourceFile() throws IOException {
        List<Snippet> snippets = snippets();
        assertFalse(snippets.isEmpty(), "the guide has Java snippets");
        for (Snippet snippet : snippets) {
            assertTrue(snippet.path() != null, "a ```java block without '<!-- snippet: PATH#TAG -->' before it:\n"
                    + snippet.code());
            assertTrue(snippet.path().startsWith("core/plugin-testkit/src/test/java/"),
                    "snippets come from compiled test sources: " + snippet.path());
            assertEquals(region(REPOSITORY.resolve(snippet.path()), snippet.tag()), snippet.code(),
                    "the guide's snippet " + snippet.path() + "#" + snippet.tag() + " differs from the source");
        }
    }
}
