package dev.hookyard.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.hookyard.spi.VendorFactory;
import dev.hookyard.testkit.HmacReferenceVendor.Flaw;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The suite proves something only if it can fail: it runs here against a correct reference vendor (all pass) and
 * against broken variants of it (each caught). The variants are nested classes, which Surefire does not run itself.
 */
class VendorConformanceSuiteTest {

    @Test
    void aCorrectVendorPassesEveryCheck() {
        TestExecutionSummary summary = run(Correct.class);
        assertEquals(0, summary.getTotalFailureCount(), () -> failures(summary));
        assertTrue(summary.getTestsSucceededCount() >= 20, "the suite ran its checks: "
                + summary.getTestsSucceededCount());
    }

    @Test
    void aVerifierThatIgnoresTheBodyIsCaught() {
        assertCaught(IgnoresBody.class);
    }

    @Test
    void aVerifierThatThrowsOnGarbageIsCaught() {
        assertCaught(ThrowsOnGarbage.class);
    }

    @Test
    void aVerifierThatKnowsOnlyTheFirstSecretIsCaught() {
        assertCaught(OnlyFirstSecret.class);
    }

    @Test
    void aParserThatAcceptsAnyBodyIsCaught() {
        assertCaught(ParsesAnything.class);
    }

    @Test
    void aParserThatLetsARepeatedKeysLastValueWinIsCaught() {
        assertCaught(LastDuplicateWins.class);
    }

    @Test
    void aVendorWithAnUnsignedTypeHeaderPassesWhenItDeclaresIt() {
        TestExecutionSummary summary = run(DeclaresUnsignedHeader.class);
        assertEquals(0, summary.getTotalFailureCount(), () -> failures(summary));
        assertTrue(summary.getTestsSucceededCount() >= 20, "the suite ran its checks: "
                + summary.getTestsSucceededCount());
    }

    @Test
    void anUnsignedHeaderThatIsNotDeclaredIsCaught() {
        assertCaught(UndeclaredUnsignedHeader.class);
    }

    @Test
    void declaringEveryHeaderUnsignedIsCaught() {
        assertCaughtBy(DeclaresEverythingUnsigned.class, "anUnsignedHeaderNeverDecidesVerification");
    }

    @Test
    void aVerifierThatNeedsADeclaredUnsignedHeaderIsCaught() {
        assertCaughtBy(VerifierNeedsUnsignedHeader.class, "anUnsignedHeaderNeverDecidesVerification");
    }

    @Test
    void declaringAHeaderTheSignerDoesNotSendIsCaught() {
        assertCaughtBy(SignerOmitsDeclaredHeader.class, "anUnsignedHeaderNeverDecidesVerification");
    }

    private static void assertCaught(Class<?> suite) {
        TestExecutionSummary summary = run(suite);
        assertTrue(summary.getTotalFailureCount() > 0, suite.getSimpleName() + " passed the suite");
    }

    /** The suite fails, and among its failures is the check {@code method}. */
    private static void assertCaughtBy(Class<?> suite, String method) {
        TestExecutionSummary summary = run(suite);
        assertTrue(summary.getFailures().stream().anyMatch(f -> f.getTestIdentifier().getUniqueId()
                .contains(method)), suite.getSimpleName() + " was not caught by " + method + ": " + failures(summary));
    }

    private static TestExecutionSummary run(Class<?> suite) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(suite))
                .build(), listener);
        return listener.getSummary();
    }

    private static String failures(TestExecutionSummary summary) {
        StringBuilder text = new StringBuilder();
        summary.getFailures().forEach(f -> text.append(f.getTestIdentifier().getDisplayName()).append(": ")
                .append(f.getException()).append('\n'));
        return text.toString();
    }

    static class Correct extends VendorConformanceSuite {
        @Override
        protected VendorFactory factory() {
            return HmacReferenceVendor.factory(Flaw.NONE);
        }
    }

    static class IgnoresBody extends VendorConformanceSuite {
        @Override
        protected VendorFactory factory() {
            return HmacReferenceVendor.factory(Flaw.IGNORES_BODY);
        }
    }

    static class ThrowsOnGarbage extends VendorConformanceSuite {
        @Override
        protected VendorFactory factory() {
            return HmacReferenceVendor.factory(Flaw.THROWS_ON_GARBAGE);
        }
    }

    static class OnlyFirstSecret extends VendorConformanceSuite {
        @Override
        protected VendorFactory factory() {
            return HmacReferenceVendor.factory(Flaw.ONLY_FIRST_SECRET);
        }
    }

    static class LastDuplicateWins extends VendorConformanceSuite {
        @Override
        protected VendorFactory factory() {
            return HmacReferenceVendor.factory(Flaw.LAST_DUPLICATE_WINS);
        }
    }

    static class ParsesAnything extends VendorConformanceSuite {
        @Override
        protected VendorFactory factory() {
            return HmacReferenceVendor.factory(Flaw.PARSES_ANYTHING);
        }
    }

    /** The reference vendor with its type in an unsigned header, declared as such: a correct configuration. */
    static class DeclaresUnsignedHeader extends VendorConformanceSuite {
        @Override
        protected VendorFactory factory() {
            return HeaderTypedReferenceVendor.factory(HeaderTypedReferenceVendor.Flaw.NONE);
        }

        @Override
        protected Set<String> unsignedHeaders() {
            return Set.of("x-ref-event");
        }
    }

    static class UndeclaredUnsignedHeader extends VendorConformanceSuite {
        @Override
        protected VendorFactory factory() {
            return HeaderTypedReferenceVendor.factory(HeaderTypedReferenceVendor.Flaw.NONE);
        }
    }

    static class DeclaresEverythingUnsigned extends DeclaresUnsignedHeader {
        @Override
        protected Set<String> unsignedHeaders() {
            return Set.of(HeaderTypedReferenceVendor.EVENT, HeaderTypedReferenceVendor.SIGNATURE);
        }
    }

    static class VerifierNeedsUnsignedHeader extends DeclaresUnsignedHeader {
        @Override
        protected VendorFactory factory() {
            return HeaderTypedReferenceVendor.factory(HeaderTypedReferenceVendor.Flaw.VERIFIER_REQUIRES_EVENT_HEADER);
        }
    }

    static class SignerOmitsDeclaredHeader extends DeclaresUnsignedHeader {
        @Override
        protected VendorFactory factory() {
            return HeaderTypedReferenceVendor.factory(HeaderTypedReferenceVendor.Flaw.SIGNER_OMITS_EVENT_HEADER);
        }
    }
}
