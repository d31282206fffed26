package dev.hookyard.fuzz;

import java.util.Map;

/**
 * The Ed25519 keys of the Standard Webhooks fuzz endpoint: {@code whsk_} seeds (the 32 ASCII bytes
 * {@code fuzz-ed25519-seed-number-one-32b}, ...-two-..., ...-old-...), and the public keys OpenSSL derives from them
 * ({@code openssl pkey -pubout} of the PKCS#8 key built around each seed), for the independent reference.
 */
final class FuzzKeys {

    static final String ED25519_ONE = "whsk_ZnV6ei1lZDI1NTE5LXNlZWQtbnVtYmVyLW9uZS0zMmI=";
    static final String ED25519_TWO = "whsk_ZnV6ei1lZDI1NTE5LXNlZWQtbnVtYmVyLXR3by0zMmI=";
    static final String ED25519_OLD = "whsk_ZnV6ei1lZDI1NTE5LXNlZWQtbnVtYmVyLW9sZC0zMmI=";

    /** The active seeds' public keys, raw and base64. */
    static final Map<String, String> ED25519_PUBLIC = Map.of(
            ED25519_ONE, "p89SdPdKi1cxmEdVrkasJ78sAGTHnDEgSIYOUF7+kaQ=",
            ED25519_TWO, "h7Fy4bicHL6FhkOYX70itTfge7eVrFdhxeYURKBI3eQ=");

    private FuzzKeys() {
    }
}
