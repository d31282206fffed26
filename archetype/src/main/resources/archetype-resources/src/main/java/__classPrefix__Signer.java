package ${package};

import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Signer;
import dev.hookyard.vendor.support.HmacSha256Key;
import java.util.HexFormat;
import java.util.Map;

/** Signs a body as the platform does, so tests, {@code bin/hookyard send} and the conformance suite can. */
final class ${classPrefix}Signer implements Signer {

    @Override
    public Map<String, String> sign(byte[] body, Secret secret) {
        return Map.of(${classPrefix}Verifier.HEADER,
                ${classPrefix}Verifier.PREFIX + HexFormat.of().formatHex(new HmacSha256Key(secret).mac(body)));
    }
}
