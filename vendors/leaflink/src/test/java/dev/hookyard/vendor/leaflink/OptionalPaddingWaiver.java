package dev.hookyard.vendor.leaflink;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.reflect.Method;

/**
 * Skips, visibly and with its reason, the one conformance check that contradicts SPEC.md for LeafLink: the suite's
 * {@code aTruncatedSignatureIsRejected} cuts the genuine header by one character and expects a 401, but the last
 * character of a padded 32-byte base64 value is the optional {@code =}, which SPEC.md requires accepting. The
 * property that check protects (a shortened MAC never verifies) is covered by
 * {@link LeafLinkSignatureVerifierTest#truncatedMacsAreRejected()}. Remove this once the test kit strips padding
 * before truncating.
 */
final class OptionalPaddingWaiver implements ExecutionCondition {

    private static final String CHECK = "aTruncatedSignatureIsRejected";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        boolean waived = context.getTestMethod().map(Method::getName).filter(CHECK::equals).isPresent();
        return waived
                ? ConditionEvaluationResult.disabled("dropping the optional '=' padding leaves the same MAC, which"
                        + " SPEC.md requires accepting; see LeafLinkSignatureVerifierTest.truncatedMacsAreRejected")
                : ConditionEvaluationResult.enabled("not waived");
    }
}
