package dev.hookyard.server.dispatch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GlobTest {

    @Test
    void starMatchesAnyRunIncludingDotsAndNothing() {
        Glob record = Glob.of("record.*");
        assertTrue(record.matches("record.created"));
        assertTrue(record.matches("record."));
        assertTrue(record.matches("record.a.b"));
        assertFalse(record.matches("record"));
        assertFalse(record.matches("lesson.completed"));
        assertFalse(record.matches("xrecord.created"));

        assertTrue(Glob.of("*").matches(""));
        assertTrue(Glob.of("*").matches("anything.at.all"));
        assertTrue(Glob.of("*.completed").matches("lesson.completed"));
        assertFalse(Glob.of("*.completed").matches("lesson.completed.not"));
        assertTrue(Glob.of("a*b*c").matches("a--b--c"));
    }

    @Test
    void questionMarkMatchesExactlyOneCharacter() {
        assertTrue(Glob.of("oth?r").matches("other"));
        assertFalse(Glob.of("oth?r").matches("othr"));
        assertFalse(Glob.of("oth?r").matches("otheer"));
    }

    @Test
    void everythingElseMatchesOnlyItselfAndCaseMatters() {
        assertTrue(Glob.of("a+b").matches("a+b"));
        assertFalse(Glob.of("a+b").matches("aab"));
        assertFalse(Glob.of("record.created").matches("recordXcreated"), "a dot is not a wildcard");
        assertTrue(Glob.of("[x](y)^$\\E").matches("[x](y)^$\\E"));
        assertFalse(Glob.of("least").matches("LEAST"));
        assertTrue(Glob.of("line\nbreak*").matches("line\nbreak\nmore"));
    }

    @Test
    void onlyPatternsWithoutWildcardsAreLiteral() {
        assertTrue(Glob.of("least").isLiteral());
        assertTrue(Glob.of("a.b").isLiteral());
        assertFalse(Glob.of("le*").isLiteral());
        assertFalse(Glob.of("?east").isLiteral());
        assertTrue(Glob.of("le*").toString().equals("le*"));
    }
}
