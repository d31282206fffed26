package dev.hookyard.vendor.least;

import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Signer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static dev.hookyard.vendor.least.LeastVendors.SPEC_BODY;
import static dev.hookyard.vendor.least.LeastVendors.SPEC_SECRET;
import static dev.hookyard.vendor.least.LeastVendors.SPEC_SIGNATURE;
import static dev.hookyard.vendor.least.LeastVendors.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LeastSignerTest {

    private static final Secret SECRET = Secret.of(SPEC_SECRET);

    private static Map<String, String> sign(Signer signer, String body) {
        return signer.sign(body.getBytes(StandardCharsets.UTF_8), SECRET);
    }

    @Test
    void specTestVectorSignsExactly() {
        assertEquals(Map.of("X-LEAST-Signature", SPEC_SIGNATURE), sign(vendor(SPEC_SECRET).signer(), SPEC_BODY));
    }

    @Test
    void signatureIsLowercaseHex() {
        String value = sign(vendor().signer(), "{\"event\":\"record.archived\",\"record_id\":1}")
                .get("X-LEAST-Signature");
        assertEquals(value.toLowerCase(java.util.Locale.ROOT), value);
        assertEquals("sha256=".length() + 64, value.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"lesson.completed", "badge.earned", "workflow.completed", "user.created",
            "course.completed", "quiz.failed"})
    void workflowAndLmsEventsAreSignedInTheWorkflowHeaderOnChannelAny(String event) {
        Map<String, String> headers = sign(vendor().signer(), "{\"event\":\"" + event + "\"}");
        assertEquals(java.util.Set.of("X-WF-Signature"), headers.keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"event\":\"record.action\"}", "{\"event\":\"brand.new\"}", "not json", "",
            "{\"event\":7}", "[\"lesson.completed\"]"})
    void collectionUnknownAndNonJsonBodiesAreSignedInTheCollectionHeaderOnChannelAny(String body) {
        assertEquals(java.util.Set.of("X-LEAST-Signature"), sign(vendor().signer(), body).keySet());
    }

    @Test
    void singleChannelEndpointsAlwaysSignInTheirOwnHeader() {
        Signer collection = vendor(Map.of("channel", "collection")).signer();
        Signer workflow = vendor(Map.of("channel", "workflow")).signer();
        String lesson = "{\"event\":\"lesson.completed\",\"intLessonId\":1}";

        assertEquals(java.util.Set.of("X-LEAST-Signature"), sign(collection, lesson).keySet());
        assertEquals(java.util.Set.of("X-WF-Signature"), sign(workflow, SPEC_BODY).keySet());
        assertEquals(SPEC_SIGNATURE, sign(workflow, SPEC_BODY).get("X-WF-Signature"));
    }
}
