package dev.hookyard.vendor.leah;

import dev.hookyard.spi.InvalidOptionException;
import dev.hookyard.spi.OptionSpec;
import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.VendorContext;
import dev.hookyard.spi.VendorFactory;
import dev.hookyard.vendor.leah.events.LeahEvent;

import java.util.List;

/**
 * Builds the Leah vendor for one endpoint. The endpoint's keyring ({@code secrets:}) holds the credentials Leah is
 * configured to send: Bearer tokens, or {@code user:password} strings for Basic. Options: {@code scheme}
 * ({@code basic}, {@code bearer} or {@code either}, default {@code either}) picks the accepted
 * {@code Authorization} schemes; {@code strict} (default {@code false}) makes unknown event types malformed instead
 * of generic events.
 *
 * <p>Wrong values fail at startup with an {@link InvalidOptionException} naming the key; with {@code scheme: basic}
 * that includes a secret that is not a {@code user:password} (reported against {@code secrets}, by position, never
 * by value), since it could never match.
 */
public final class LeahVendorFactory implements VendorFactory {

    static final String SCHEME = "scheme";
    static final String STRICT = "strict";

    /** The key the host maps to the endpoint's own {@code secrets:}. */
    static final String SECRETS = "secrets";

    @Override
    public String id() {
        return LeahEvent.VENDOR;
    }

    @Override
    public String description() {
        return "Leah English-assessment webhooks, a static Basic or Bearer credential in Authorization";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.optional(SCHEME, "which Authorization schemes this endpoint accepts: basic (secrets are"
                        + " user:password), bearer (secrets are tokens) or either (Basic matches the user:password"
                        + " secrets, Bearer any secret); default either"),
                OptionSpec.optional(STRICT, "true to reject event types this module does not know (400) instead"
                        + " of passing them on as generic events; default false"));
    }

    @Override
    public Vendor create(VendorContext context) {
        CredentialScheme scheme = CredentialScheme.fromOption(context.options()
                .oneOf(SCHEME, CredentialScheme.optionValues(), CredentialScheme.EITHER.optionValue()));
        boolean strict = context.options().bool(STRICT, false);
        if (scheme == CredentialScheme.BASIC) {
            requireUserPasswords(context.keyring().secrets());
        }
        return new LeahVendor(
                new AuthorizationHeaderVerifier(scheme, context.keyring()),
                new LeahParser(strict),
                LeahEventCatalog.CATALOG,
                new LeahSigner(scheme));
    }

    private static void requireUserPasswords(List<Secret> secrets) {
        for (int i = 0; i < secrets.size(); i++) {
            if (!BasicCredentials.isUserPassword(secrets.get(i).reveal())) {
                throw new InvalidOptionException(SECRETS, "secret " + (i + 1) + " of " + secrets.size()
                        + " has no ':', but with scheme basic every secret must be a user:password",
                        "write each secret as user:password (the password may contain ':'), or set options."
                                + SCHEME + " to bearer or either if Leah sends a Bearer token");
            }
        }
    }
}
