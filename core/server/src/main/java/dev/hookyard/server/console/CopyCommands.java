package dev.hookyard.server.console;

import dev.hookyard.server.config.EndpointConfig;
import dev.hookyard.server.config.KeyringEntry;
import dev.hookyard.server.store.StoredDelivery;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stored delivery as shell commands that send its body again: with {@code bin/hookyard send}, which signs it with
 * a secret read from the environment (never from the command line), or with {@code curl} and no signature (the
 * receiver refuses that unless the endpoint verifies nothing; useful against another receiver). Both write the body
 * to a file first with a quoted here-document, so no byte of it is interpreted by the shell.
 */
final class CopyCommands {

    private static final Pattern ENV = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");
    /** Headers curl sets itself, or that describe the original connection. */
    private static final Set<String> NOT_COPIED = Set.of("host", "content-length", "connection",
            "transfer-encoding", "accept-encoding", "user-agent", "expect");

    private CopyCommands() {
    }

    static String hookyardSend(StoredDelivery delivery, Optional<EndpointConfig> endpoint, String url) {
        String secretEnv = endpoint.flatMap(e -> e.keyring().stream().map(KeyringEntry::reference)
                        .map(ENV::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst())
                .orElse("WEBHOOK_SECRET");
        return bodyFile(delivery) + "bin/hookyard send --vendor " + shellWord(delivery.vendor())
                + " --body-file body.json --secret-env " + secretEnv + " --url " + shellWord(url) + "\n";
    }

    static String curl(StoredDelivery delivery, String url) {
        StringBuilder command = new StringBuilder(bodyFile(delivery)).append("curl -sS -X POST ")
                .append(shellWord(url));
        boolean contentType = false;
        for (String name : delivery.headers().names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (NOT_COPIED.contains(lower)) {
                continue;
            }
            for (String value : delivery.headers().all(name)) {
                if (value.equals("****")) {
                    continue; // masked: a credential or signature, which this command leaves out
                }
                contentType |= lower.equals("content-type");
                command.append(" \\\n  -H ").append(shellWord(name + ": " + value));
            }
        }
        if (!contentType) {
            command.append(" \\\n  -H 'Content-Type: application/json'");
        }
        return command.append(" \\\n  --data-binary @body.json\n").toString();
    }

    private static String bodyFile(StoredDelivery delivery) {
        String body = new String(delivery.body(), StandardCharsets.UTF_8);
        String end = "HOOKYARD_BODY";
        while (body.contains(end)) {
            end = end + "_";
        }
        // printf-free: the here-document adds one line break, which head -c removes again.
        return "cat <<'" + end + "' | head -c " + delivery.body().length + " > body.json\n" + body + "\n" + end
                + "\n";
    }

    /** {@code text} as one single-quoted shell word. */
    static String shellWord(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
