package dev.hookyard.fuzz;

import dev.hookyard.spi.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Stripe, from Stripe's documentation: some header item {@code t=<T>} with {@code T} within the tolerance of now,
 * and, anywhere in the headers, the HMAC-SHA256 of {@code T.body} keyed with an active secret's UTF-8 bytes. Every
 * text after an {@code =} in a comma-separated item is tried as {@code T}, exactly as sent (it is signed as text),
 * and its value read as leniently as {@link Long#parseLong} reads numbers.
 *
 * @param pastSeconds   how old {@code T} may be
 * @param futureSeconds how far ahead {@code T} may be
 */
record StripeProof(long pastSeconds, long futureSeconds) implements Proof {

    @Override
    public boolean carriedBy(List<String> secrets, Headers headers, byte[] body, Instant now) {
        for (String name : headers.names()) {
            for (String value : headers.all(name)) {
                for (String item : value.split(",", -1)) {
                    int equals = item.indexOf('=');
                    String timestamp = equals < 0 ? item : item.substring(equals + 1);
                    if (Tolerances.within(timestamp, now, pastSeconds, futureSeconds)
                            && Authenticity.carriesMacAnywhere(headers, macs(secrets, timestamp, body))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static List<byte[]> macs(List<String> secrets, String timestamp, byte[] body) {
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, content, 0, prefix.length);
        System.arraycopy(body, 0, content, prefix.length, body.length);
        List<byte[]> macs = new ArrayList<>();
        for (String secret : secrets) {
            macs.add(Authenticity.hmac(secret.getBytes(StandardCharsets.UTF_8), content));
        }
        return macs;
    }
}
