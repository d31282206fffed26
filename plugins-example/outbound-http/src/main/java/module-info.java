/**
 * Support for example plugins that call HTTP services: checked target URLs that never show their secret parts, and
 * {@code Retry-After} parsing. Bundled in each plugin folder that uses it, so plugins stay independent of the host.
 */
module dev.hookyard.plugin.outboundhttp {
    requires dev.hookyard.spi;
    requires transitive java.net.http;

    exports dev.hookyard.plugin.outboundhttp;
}
