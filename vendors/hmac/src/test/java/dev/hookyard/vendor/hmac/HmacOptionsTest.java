package dev.hookyard.vendor.hmac;

import dev.hookyard.spi.InvalidOptionException;
import dev.hookyard.spi.OptionSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.hookyard.vendor.hmac.HmacVendors.BASIC;
import static dev.hookyard.vendor.hmac.HmacVendors.vendor;
import static dev.hookyard.vendor.hmac.HmacVendors.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every option is checked at startup, alone and in combination, and a refusal names the key and the fix. */
class HmacOptionsTest {

    @Test
    void declaresHeaderAndTypeAsRequiredAndNothingAsSecret() {
        List<OptionSpec> specs = new HmacVendorFactory().options();
        assertEquals(List.of("header", "algorithm", "encoding", "prefix", "timestampHeader", "signedContent",
                "tolerance", "type", "key", "eventTypes"), specs.stream().map(OptionSpec::name).toList());
        assertEquals(List.of("header", "type"), specs.stream().filter(OptionSpec::required).map(OptionSpec::name)
                .toList());
        assertTrue(specs.stream().noneMatch(OptionSpec::secret));
    }

    @Test
    void theMostCompleteOptionsAreAccepted() {
        assertNotNull(vendor(Map.of("header", "Webhook-Signature", "algorithm", "sha1", "encoding", "base64",
                "prefix", "v1=", "timestampHeader", "Webhook-Timestamp", "signedContent", "{body}|{timestamp}",
                "tolerance", 600, "type", "header:Webhook-Event", "key", "/data/id",
                "eventTypes", List.of("a.b", "Order Created"))));
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                refused(with(BASIC, "header", null), "header", "is required"),
                refused(with(BASIC, "header", "X Signature"), "header", "is not a valid header name"),
                refused(with(BASIC, "header", "X-Signature:"), "header", "is not a valid header name"),
                refused(with(BASIC, "algorithm", "md5"), "algorithm", "must be one of sha1, sha256, sha512"),
                refused(with(BASIC, "algorithm", "SHA256"), "algorithm", "must be one of sha1, sha256, sha512"),
                refused(with(BASIC, "encoding", "base64url"), "encoding", "must be one of hex, base64"),
                refused(with(BASIC, "prefix", "sha256 ="), "prefix", "printable ASCII characters without spaces"),
                refused(with(BASIC, "prefix", "x".repeat(33)), "prefix", "up to 32"),
                refused(with(BASIC, "signedContent", "{timestamp}.{body}"), "signedContent",
                        "timestampHeader is not set"),
                refused(with(BASIC, "tolerance", "5m"), "tolerance", "timestampHeader is not set"),
                refused(with(BASIC, "timestampHeader", "x-signature"), "timestampHeader",
                        "is the signature header itself"),
                refused(with(BASIC, "timestampHeader", "X-T", "signedContent", "{body}"), "signedContent",
                        "must contain {timestamp} and {body} exactly once each"),
                refused(with(BASIC, "timestampHeader", "X-T", "signedContent", "{timestamp}{body}{body}"),
                        "signedContent", "must contain {timestamp} and {body} exactly once each"),
                refused(with(BASIC, "timestampHeader", "X-T", "signedContent", "{timestamp}.{body}.{id}"),
                        "signedContent", "without { or }"),
                refused(with(BASIC, "timestampHeader", "X-T", "signedContent", "{timestamp}\n{body}"),
                        "signedContent", "printable ASCII"),
                refused(with(BASIC, "timestampHeader", "X-T", "tolerance", "0s"), "tolerance",
                        "must be between 1s and 168h"),
                refused(with(BASIC, "timestampHeader", "X-T", "tolerance", "8d"), "tolerance", "must be a duration"),
                refused(with(BASIC, "type", null), "type", "is required"),
                refused(with(BASIC, "type", "event"), "type", "is not a JSON pointer"),
                refused(with(BASIC, "type", "$.event"), "type", "is not a JSON pointer"),
                refused(with(BASIC, "type", "/a~2b"), "type", "is not a valid JSON pointer"),
                refused(with(BASIC, "type", "/a~"), "type", "is not a valid JSON pointer"),
                refused(with(BASIC, "type", "header:"), "type", "names a header that is not a valid header name"),
                refused(with(BASIC, "type", "header:X-Signature"), "type", "names the signature or timestamp header"),
                refused(with(BASIC, "timestampHeader", "X-T", "key", "header:x-t"), "key",
                        "names the signature or timestamp header"),
                refused(with(BASIC, "key", "header:X-Delivery-Token"), "key", "masks as **** before parsing"),
                refused(with(BASIC, "type", "header:X-Event-Signature"), "type", "masks as **** before parsing"),
                refused(with(BASIC, "type", "header:Authorization"), "type", "masks as **** before parsing"),
                refused(with(BASIC, "key", "id"), "key", "is not a JSON pointer"),
                refused(with(BASIC, "key", "/event"), "key", "points at the same field as type"),
                refused(with(BASIC, "key", "/event/id"), "key", "points at the same field as type"),
                refused(with(BASIC, "type", "/data/type", "key", "/data"), "key", "points at the same field as type"),
                refused(with(BASIC, "type", "header:X-Event", "key", "header:x-event"), "key",
                        "is the same header as type"),
                refused(with(BASIC, "eventTypes", List.of("a", "a")), "eventTypes", "lists a twice"),
                refused(with(BASIC, "eventTypes", List.of("ok", " padded")), "eventTypes", "is not an event type"),
                refused(with(BASIC, "eventTypes", List.of("caf\u00e9")), "eventTypes", "is not an event type"),
                refused(with(BASIC, "eventTypes", List.of(Map.of("a", 1))), "eventTypes", "list of single values"));
    }

    private static Arguments refused(Map<String, Object> options, String key, String problem) {
        return Arguments.of(options, key, problem);
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void aBadOptionOrCombinationFailsAtStartupNamingTheKeyAndTheFix(Map<String, Object> options, String key,
                                                                   String problem) {
        InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> vendor(options, "secret"));

        assertEquals(key, e.key(), e.getMessage());
        assertTrue(e.problem().contains(problem), e.getMessage());
        assertTrue(!e.fix().isBlank(), e.getMessage());
    }

    @Test
    void pointersToNeighbouringFieldsAreNotAnOverlap() {
        assertNotNull(vendor(with(BASIC, "type", "/data/type", "key", "/data/id")));
        assertNotNull(vendor(with(BASIC, "type", "/a", "key", "/ab")));
        assertNotNull(vendor(with(BASIC, "type", "/a~1b", "key", "/a/b")));
    }
}
