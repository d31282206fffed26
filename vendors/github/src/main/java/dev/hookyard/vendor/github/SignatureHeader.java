package dev.hookyard.vendor.github;

import dev.hookyard.vendor.support.HmacAlgorithm;
import dev.hookyard.vendor.support.MacEncoding;
import dev.hookyard.vendor.support.MacFormat;

/**
 * The two headers GitHub signs a delivery in, each with the HMAC of the raw body under the webhook secret's UTF-8
 * bytes, as {@code <algorithm>=<lower-case hex>}. GitHub sends both; the SHA-1 one is kept for old receivers.
 */
enum SignatureHeader {
    /** {@code X-Hub-Signature-256: sha256=<64 hex digits>}, the one GitHub asks receivers to check. */
    SHA256("X-Hub-Signature-256", HmacAlgorithm.SHA256),
    /** {@code X-Hub-Signature: sha1=<40 hex digits>}, legacy: the only one some old GitHub Enterprise Servers send. */
    SHA1("X-Hub-Signature", HmacAlgorithm.SHA1);

    private final String headerName;
    private final HmacAlgorithm algorithm;
    private final MacFormat format;

    SignatureHeader(String headerName, HmacAlgorithm algorithm) {
        this.headerName = headerName;
        this.algorithm = algorithm;
        this.format = new MacFormat(algorithm.optionValue() + "=", MacEncoding.HEX, algorithm.macBytes());
    }

    /** The header name as GitHub spells it. */
    String headerName() {
        return headerName;
    }

    HmacAlgorithm algorithm() {
        return algorithm;
    }

    /** How the value is written: {@code sha256=} or {@code sha1=}, then the MAC in hex. */
    MacFormat format() {
        return format;
    }
}
