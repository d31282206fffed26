package dev.hookyard.vendor.github;

import dev.hookyard.spi.OptionSpec;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.VendorContext;
import dev.hookyard.spi.VendorFactory;
import dev.hookyard.vendor.github.events.GitHubEvent;

import java.util.List;

/**
 * Builds the GitHub vendor for one endpoint. The keyring holds the webhook's secret (the old and the new one while
 * it is rotated). One option: {@code allowSha1} (default {@code false}) also accepts deliveries signed only with
 * the legacy {@code X-Hub-Signature} (HMAC-SHA1); a value other than true or false fails at startup with an
 * {@link dev.hookyard.spi.InvalidOptionException} naming the key.
 */
public final class GitHubVendorFactory implements VendorFactory {

    static final String ALLOW_SHA1 = "allowSha1";

    /** Holds no state: all per-endpoint state lives in the {@link Vendor} built by {@link #create(VendorContext)}. */
    public GitHubVendorFactory() {
    }

    /** {@value GitHubEvent#VENDOR}. */
    @Override
    public String id() {
        return GitHubEvent.VENDOR;
    }

    @Override
    public String description() {
        return "GitHub repository, organization and App webhooks, HMAC-SHA256 in X-Hub-Signature-256";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.optional(ALLOW_SHA1, "true to also accept deliveries signed only with the legacy"
                + " X-Hub-Signature (HMAC-SHA1), as some old GitHub Enterprise Servers send them; X-Hub-Signature-256"
                + " decides whenever it is present; default false"));
    }

    @Override
    public Vendor create(VendorContext context) {
        boolean allowSha1 = context.options().bool(ALLOW_SHA1, false);
        return new GitHubVendor(
                new GitHubSignatureVerifier(context.keyring(), allowSha1),
                new GitHubParser(),
                GitHubEventCatalog.CATALOG,
                new GitHubSigner(allowSha1));
    }
}
