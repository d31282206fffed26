package dev.hookyard.spi;

import java.util.List;

/**
 * The secrets active for one endpoint. Several may be active at once so that a secret can be rotated without
 * losing deliveries: a delivery is genuine if any of them verifies it.
 *
 * @param secrets the active secrets, in configuration order
 */
public record Keyring(List<Secret> secrets) {

    public Keyring {
        secrets = List.copyOf(Checks.notNull(secrets, "secrets"));
    }

    /** A keyring holding the given secret values. */
    public static Keyring of(String... values) {
        return new Keyring(java.util.Arrays.stream(values).map(Secret::of).toList());
    }

    public boolean isEmpty() {
        return secrets.isEmpty();
    }

    @Override
    public String toString() {
        return "Keyring[" + secrets.size() + " secret(s)]";
    }
}
