package dev.hookyard.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * The members ({@code "key":value}, as written) of a JSON object's top level, found by scanning the text: enough for
 * the suite to repeat one in a sample, without a JSON library (the test kit depends on the SPI and JUnit only).
 * It finds where members begin and end, and does not check the values themselves: catalog samples are JSON. A text
 * whose top level is not an object of {@code "key":value} members gives an empty list.
 */
final class TopLevelMembers {

    private final String text;
    private int at;

    private TopLevelMembers(String text) {
        this.text = text;
    }

    /** The members of {@code json}'s top-level object in order, each from its key's quote to its value's end. */
    static List<String> of(String json) {
        try {
            return new TopLevelMembers(json).members();
        } catch (IllegalArgumentException notAnObject) {
            return List.of();
        }
    }

    private List<String> members() {
        skipWhitespace();
        expect('{');
        List<String> members = new ArrayList<>();
        skipWhitespace();
        if (peek() == '}') {
            return members;
        }
        while (true) {
            skipWhitespace();
            int start = at;
            skipString();
            skipWhitespace();
            expect(':');
            skipValue();
            members.add(text.substring(start, at).strip());
            skipWhitespace();
            char next = next();
            if (next == '}') {
                return members;
            }
            if (next != ',') {
                throw new IllegalArgumentException("expected , or }");
            }
        }
    }

    /** Skips one value: a string, or anything up to the next {@code ,} or closing bracket at this level. */
    private void skipValue() {
        skipWhitespace();
        int depth = 0;
        while (at < text.length()) {
            char c = peek();
            if (c == '"') {
                skipString();
                continue;
            }
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    return;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                return;
            }
            at++;
        }
        throw new IllegalArgumentException("unterminated value");
    }

    private void skipString() {
        expect('"');
        while (true) {
            char c = next();
            if (c == '\\') {
                next();
            } else if (c == '"') {
                return;
            }
        }
    }

    private void skipWhitespace() {
        while (at < text.length() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) {
            at++;
        }
    }

    private void expect(char c) {
        if (next() != c) {
            throw new IllegalArgumentException("expected " + c);
        }
    }

    private char peek() {
        if (at >= text.length()) {
            throw new IllegalArgumentException("unexpected end");
        }
        return text.charAt(at);
    }

    private char next() {
        char c = peek();
        at++;
        return c;
    }
}
