package dev.hookyard.server.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The startup warning for a configuration file that holds secrets written literally (rather than as
 * {@code ${env:NAME}} or {@code ${file:PATH}} references) and that users other than its owner may read. Only POSIX
 * permissions are checked; on other file systems there is no warning.
 */
final class LiteralSecretWarning {

    private static final Set<PosixFilePermission> OTHERS_READ = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);

    private LiteralSecretWarning() {
    }

    /** The warning, naming the file, the keys (never their values) and the fix; empty if there is nothing to say. */
    static Optional<String> check(Path file, List<String> literalKeys) {
        if (literalKeys.isEmpty()) {
            return Optional.empty();
        }
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException | IOException e) {
            return Optional.empty();
        }
        if (permissions.stream().noneMatch(OTHERS_READ::contains)) {
            return Optional.empty();
        }
        String keys = literalKeys.size() <= 5 ? String.join(", ", literalKeys)
                : String.join(", ", literalKeys.subList(0, 5)) + " and " + (literalKeys.size() - 5) + " more";
        return Optional.of("The configuration file " + file + " holds secrets written literally (" + keys
                + ") and other users may read it (" + PosixFilePermissions.toString(permissions) + "); run chmod 600 "
                + file + ", or move the secrets out of it with ${env:NAME} or ${file:PATH}");
    }

    /** Whether a value was written literally, i.e. has no reference to resolve. */
    static boolean isLiteral(String raw) {
        return !raw.contains("${env:") && !raw.contains("${file:");
    }

    /** Whether an option's name says it holds a secret: {@code secret}, {@code clientSecret}, {@code password}... */
    static boolean isSecretName(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith("secret") || lower.endsWith("password") || lower.endsWith("token");
    }
}
