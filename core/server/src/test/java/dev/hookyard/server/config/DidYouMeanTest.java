package dev.hookyard.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {

    @Test
    void suggestsTheClosestCandidateForATypo() {
        List<String> keys = List.of("server", "store", "endpoints", "handlers", "routes");
        assertEquals(Optional.of("endpoints"), DidYouMean.closest("endpionts", keys));
        assertEquals(Optional.of("routes"), DidYouMean.closest("route", keys));
        assertEquals(Optional.of("least"), DidYouMean.closest("leats", List.of("falkor", "least", "leah")));
        assertEquals(Optional.of("leah"), DidYouMean.closest("leahh", List.of("least", "leah")));
        assertEquals(Optional.of("least"), DidYouMean.closest("LEAST", List.of("least")), "case is ignored");
    }

    @Test
    void suggestsNothingWhenNothingIsClose() {
        assertEquals(Optional.empty(), DidYouMean.closest("webhooks", List.of("server", "store", "endpoints")));
        assertEquals(Optional.empty(), DidYouMean.closest("x", List.of()));
        assertEquals("", DidYouMean.hint("completely-different", List.of("least")));
    }

    @Test
    void theHintIsReadyToAppendToAProblem() {
        assertEquals(" (did you mean 'secrets'?)", DidYouMean.hint("secret", List.of("vendor", "secrets", "path")));
    }

    @Test
    void distanceIsLevenshtein() {
        assertEquals(3, DidYouMean.distance("kitten", "sitting"));
        assertEquals(0, DidYouMean.distance("least", "least"));
        assertEquals(5, DidYouMean.distance("", "least"));
        assertEquals(2, DidYouMean.distance("leats", "least"));
    }
}
