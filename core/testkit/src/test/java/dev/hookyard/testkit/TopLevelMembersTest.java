package dev.hookyard.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopLevelMembersTest {

    @Test
    void membersAreSplitAtTheTopLevelOnly() {
        assertEquals(List.of("\"event\":\"a,b}\"", "\"data\":{\"x\":[1,{\"y\":\"]\"}],\"z\":null}", "\"n\": -1.5e3",
                        "\"q\\\"\":\"\\\\\""),
                TopLevelMembers.of(" {\"event\":\"a,b}\", \"data\":{\"x\":[1,{\"y\":\"]\"}],\"z\":null},\n"
                        + "\"n\": -1.5e3 ,\"q\\\"\":\"\\\\\"}"));
    }

    @Test
    void anythingButAnObjectWithMembersHasNone() {
        for (String text : List.of("{}", "[{\"a\":1}]", "\"a\"", "", "{\"a\":1", "{\"a\" 1}", "x")) {
            assertEquals(List.of(), TopLevelMembers.of(text), text);
        }
    }
}
