package dev.hookyard.vendor.falkor;

import static dev.hookyard.vendor.falkor.FalkorVendors.delivery;
import static dev.hookyard.vendor.falkor.FalkorVendors.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.hookyard.spi.ParseResult;
import dev.hookyard.vendor.falkor.events.EnrolmentStatus;
import dev.hookyard.vendor.falkor.events.Enrolments;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

/**
 * Pins how a JSON number with a fraction or exponent reads where Falkor expects text: Falkor reads bodies with
 * {@code StrictJson.DOUBLES}, so such a number is printed as Java prints the double, not as sent. Switching Falkor to
 * exact decimals would change these texts, so it is a deliberate decision, not a refactoring.
 */
class FalkorNumberTextTest {

    @ParameterizedTest
    @CsvSource({"24.50, 24.5", "1e2, 100.0", "2, 2", "-0.0, -0.0"})
    void aNumberInATextFieldReadsAsItsDoubleText(String wire, String text) {
        ParseResult result = vendor("s").parser().parse(delivery("{\"type\":\"enrolments\",\"data\":{\"enrolments\":"
                + "[{\"status\":{\"version\":" + wire + "}}]}}", Map.of()));

        Enrolments enrolments = assertInstanceOf(Enrolments.class,
                assertInstanceOf(ParseResult.Parsed.class, result).event());
        EnrolmentStatus status = enrolments.enrolments().get(0).status();
        assertEquals(text, status.version());
    }
}
