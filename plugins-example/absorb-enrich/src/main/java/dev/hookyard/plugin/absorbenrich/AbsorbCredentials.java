package dev.hookyard.plugin.absorbenrich;

import dev.hookyard.spi.Secret;

/**
 * What Absorb's {@code POST /authenticate} takes. The private key is also sent as {@code x-api-key} with every
 * call. {@link Secret} keeps the password and key out of any {@code toString}.
 *
 * @param username   the API admin's username
 * @param password   the API admin's password
 * @param privateKey the portal's Integration API private key
 */
record AbsorbCredentials(String username, Secret password, Secret privateKey) {
}
