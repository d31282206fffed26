package dev.hookyard.vendor.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MalformedBodyExceptionTest {

    @Test
    void carriesTheReasonAndNoStackTrace() {
        MalformedBodyException e = new MalformedBodyException("data is not an object");

        assertEquals("data is not an object", e.getMessage());
        assertNull(e.getCause());
        assertEquals(0, e.getStackTrace().length);
    }

    @Test
    void takesNoSuppressedExceptions() {
        MalformedBodyException e = new MalformedBodyException("event is missing");

        e.addSuppressed(new IllegalStateException("ignored"));

        assertEquals(0, e.getSuppressed().length);
    }
}
