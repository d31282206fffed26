package dev.hookyard.server.endpoint;

import dev.hookyard.spi.Vendor;

/**
 * A receiving endpoint, ready to serve: its vendor's stages are built with its keyring and options.
 *
 * @param name         configured name
 * @param path         exact request path
 * @param vendorId     vendor id
 * @param vendor       the vendor's stages for this endpoint
 * @param maxBodyBytes body limit; larger requests get 413
 */
public record Endpoint(String name, String path, String vendorId, Vendor vendor, int maxBodyBytes) {
}
