/**
 * Shared building blocks of Hookyard's vendor modules. Every class here is stateless or immutable and
 * thread-safe, never logs, and never puts a secret or a value from a body into an exception message.
 *
 * <p>Not part of the SPI: see the module description. A plugin that uses this package bundles its own copy.
 */
package dev.hookyard.vendor.support;
