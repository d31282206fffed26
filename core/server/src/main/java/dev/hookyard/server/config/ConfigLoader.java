package dev.hookyard.server.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.hookyard.server.config.HookyardConfig.LoggingSettings;
import dev.hookyard.server.config.HookyardConfig.ManagementSettings;
import dev.hookyard.server.config.HookyardConfig.PluginSettings;
import dev.hookyard.server.config.HookyardConfig.ServerSettings;
import dev.hookyard.server.config.HookyardConfig.StoreSettings;
import dev.hookyard.server.filter.FilterCompiler;
import dev.hookyard.server.filter.FilterProblem;
import dev.hookyard.server.filter.RouteFilter;
import dev.hookyard.server.net.Cidr;
import dev.hookyard.server.plugin.PluginFailurePolicy;
import dev.hookyard.server.tracing.TracingSettings;
import dev.hookyard.spi.CredentialHeaders;
import dev.hookyard.spi.Options;
import dev.hookyard.spi.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code conf/hookyard.yaml}: YAML syntax, references, types, ranges and unknown keys. Collects every
 * problem before failing, and reports each by its key path; values are never echoed, since any of them may be a
 * secret.
 */
public final class ConfigLoader {

    private static final Logger LOG = LoggerFactory.getLogger("hookyard.config");

    /** Default body limit: 1 MiB, larger than any delivery the supported vendors send. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    /** Hard ceiling for a configured body limit: bodies are held in memory while verified. */
    static final int MAX_BODY_LIMIT = 64 * 1024 * 1024;

    private static final Set<String> TOP_LEVEL = Set.of("server", "management", "store", "plugins", "endpoints",
            "handlers", "routes", "logging", "tracing", "reload");
    private static final Set<String> LOGGING_KEYS = Set.of("format");
    private static final Set<String> PLUGINS_KEYS = Set.of("directory", "onError");
    private static final Set<String> SERVER_KEYS = Set.of("host", "port", "maxBodyBytes", "shutdownGrace", "tls",
            "limits", "trustedProxies", "maskHeaders");
    private static final Set<String> STORE_KEYS = Set.of("type", "path", "retentionDays", "maxBacklog", "url", "user",
            "password", "poolSize", "schema", "leaseTime");
    private static final Set<String> MANAGEMENT_KEYS = Set.of("enabled", "host", "port", "token");
    /** Longest configurable retention: 100 years. */
    static final int MAX_RETENTION_DAYS = 36_500;
    /** Ceiling for store.maxBacklog: each pending run is a row, but a backlog beyond this is never healthy. */
    static final long MAX_BACKLOG_LIMIT = 1_000_000_000L;
    private static final Set<String> TLS_KEYS = Set.of("keystore", "password", "reloadInterval");
    private static final Set<String> LIMIT_KEYS = Set.of("maxHeaderBytes", "maxHeaderCount", "headerTimeout",
            "idleTimeout", "bodyTimeout", "maxConnections", "maxConnectionsPerClient");
    private static final Set<String> RATE_LIMIT_KEYS = Set.of("requests", "per");
    private static final Set<String> SECRET_KEYS = Set.of("value", "notAfter");
    private static final Set<String> ENDPOINT_KEYS = Set.of("vendor", "path", "secrets", "options", "maxBodyBytes",
            "maxHeaderCount", "bodyTimeout", "allow", "rateLimit");
    private static final Set<String> HANDLER_KEYS = Set.of("type", "options", "retry", "timeout", "maxConcurrent");
    private static final Set<String> RETRY_KEYS = Set.of("maxAttempts", "initialDelay", "maxDelay");
    private static final Set<String> ROUTE_KEYS = Set.of("from", "vendor", "events", "to", "filter");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private final Path home;
    private final Function<String, String> environment;
    private final boolean tolerateUnresolvedReferences;

    /**
     * @param home        the Hookyard home; relative paths in the file resolve against it
     * @param environment looks up environment variables (injectable for tests)
     */
    public ConfigLoader(Path home, Function<String, String> environment) {
        this(home, environment, false);
    }

    private ConfigLoader(Path home, Function<String, String> environment, boolean tolerateUnresolvedReferences) {
        this.home = home.toAbsolutePath().normalize();
        this.environment = environment;
        this.tolerateUnresolvedReferences = tolerateUnresolvedReferences;
    }

    /**
     * A loader for commands that inspect the store and never verify or call anything (list, show, replay, purge):
     * a reference that cannot be resolved (a secret the operator's shell does not have) is tolerated and left
     * unresolved, except under {@code store:} and {@code management:}, whose values those commands use.
     */
    public static ConfigLoader forInspection(Path home, Function<String, String> environment) {
        return new ConfigLoader(home, environment, true);
    }

    /** Loads and checks the file; throws {@link InvalidConfigException} listing every problem found. */
    public HookyardConfig load(Path file) {
        Path absolute = home.resolve(file).normalize();
        byte[] bytes = readBytes(absolute);
        JsonNode root = readTree(absolute, bytes);
        Section reader = new Section(new ReferenceResolver(home, environment, tolerateUnresolvedReferences));
        HookyardConfig config = reader.config(absolute, root, sha256(bytes));
        if (!reader.problems.isEmpty()) {
            throw new InvalidConfigException(absolute, reader.problems);
        }
        if (!tolerateUnresolvedReferences) {
            LiteralSecretWarning.check(absolute, reader.literalSecrets).ifPresent(LOG::warn);
        }
        return config;
    }

    /** Lower-case hex SHA-256: what {@code sha256sum FILE} prints for the file as it was read. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidConfigException(file, List.of(new ConfigProblem("(file)", "does not exist",
                    "create it (the distribution ships conf/hookyard.yaml) or pass --config FILE")));
        } catch (IOException e) {
            throw new InvalidConfigException(file, List.of(new ConfigProblem("(file)",
                    "cannot be read (" + e.getClass().getSimpleName() + ")", "check the file's permissions")));
        }
    }

    private static JsonNode readTree(Path file, byte[] bytes) {
        try {
            YAMLMapper mapper = YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
            JsonNode root = mapper.readTree(bytes);
            if (root == null || root.isMissingNode() || root.isNull()) {
                throw new InvalidConfigException(file, List.of(new ConfigProblem("(file)", "is empty",
                        "add at least one endpoint under endpoints:")));
            }
            return root;
        } catch (JsonProcessingException e) {
            // Only the location: Jackson's message quotes the offending source text, which may be a secret.
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            String problem = e.getMessage() != null && e.getMessage().startsWith("Duplicate field")
                    ? "a key appears twice" + where : "is not valid YAML" + where;
            throw new InvalidConfigException(file, List.of(new ConfigProblem("(file)", problem,
                    "fix the YAML there (indent with spaces, quote values containing ': ' or '#')")));
        } catch (IOException e) {
            throw new InvalidConfigException(file, List.of(new ConfigProblem("(file)", "cannot be parsed",
                    "check that it is YAML text")));
        }
    }

    /** Walks the tree, collecting problems. */
    final class Section {
        private final ReferenceResolver references;
        private final List<ConfigProblem> problems = new ArrayList<>();
        /** Keys of secrets written into the file literally, for the file-permission warning. */
        private final List<String> literalSecrets = new ArrayList<>();

        Section(ReferenceResolver references) {
            this.references = references;
        }

        HookyardConfig config(Path file, JsonNode root, String fileSha256) {
            if (!root.isObject()) {
                problem("(file)", "must be a map of sections", "start with endpoints:, handlers: and routes:");
                return null;
            }
            checkKeys(root, "", TOP_LEVEL);
            ServerSettings server = server(root.path("server"));
            StoreSettings store = store(root.path("store"));
            ManagementSettings management = management(root.path("management"));
            List<EndpointConfig> endpoints = endpoints(root.path("endpoints"), server);
            List<HandlerConfig> handlers = handlers(root.path("handlers"));
            List<RouteConfig> routes = routes(root.path("routes"));
            PluginSettings plugins = plugins(root.path("plugins"));
            LoggingSettings logging = logging(root.path("logging"));
            TracingSettings tracing = TracingSection.read(this, root.path("tracing"));
            HookyardConfig.ReloadSettings reload = ReloadSection.read(this, root.path("reload"));
            return new HookyardConfig(file, home, server, store, endpoints, handlers, routes, management,
                    plugins, logging, tracing, reload, fileSha256);
        }

        private LoggingSettings logging(JsonNode node) {
            if (!isMap(node, "logging")) {
                return LoggingSettings.DEFAULT;
            }
            checkKeys(node, "logging", LOGGING_KEYS);
            String format = text(node, "logging", "format", "text").trim();
            if (format.equals("json")) {
                return new LoggingSettings(LoggingSettings.LogFormat.JSON);
            }
            if (!format.equals("text")) {
                problem("logging.format", "must be text or json" + DidYouMean.hint(format, List.of("text", "json")),
                        "write format: text (lines as conf/logback.xml writes them) or format: json (one JSON object"
                                + " per line)");
            }
            return LoggingSettings.DEFAULT;
        }

        private PluginSettings plugins(JsonNode node) {
            if (!isMap(node, "plugins")) {
                return PluginSettings.defaults(home);
            }
            checkKeys(node, "plugins", PLUGINS_KEYS);
            Path directory;
            try {
                directory = home.resolve(text(node, "plugins", "directory", "plugins")).normalize();
            } catch (InvalidPathException e) {
                // Not e.getMessage(): it quotes the path, which may have come from a reference to a secret.
                problem("plugins.directory", "is not a valid directory path", "write a path such as plugins");
                directory = home.resolve("plugins");
            }
            String onError = text(node, "plugins", "onError", "fail");
            PluginFailurePolicy policy = PluginFailurePolicy.FAIL;
            if ("skip".equals(onError)) {
                policy = PluginFailurePolicy.SKIP;
            } else if (!"fail".equals(onError)) {
                problem("plugins.onError", "must be fail or skip" + DidYouMean.hint(onError, List.of("fail", "skip")),
                        "write onError: fail (a plugin that cannot be loaded stops startup) or onError: skip"
                                + " (it is left out with a warning)");
            }
            return new PluginSettings(directory, policy);
        }

        private ServerSettings server(JsonNode node) {
            if (!isMap(node, "server")) {
                return new ServerSettings("0.0.0.0", 8080, DEFAULT_MAX_BODY_BYTES);
            }
            checkKeys(node, "server", SERVER_KEYS);
            String host = text(node, "server", "host", "0.0.0.0");
            int port = (int) number(node, "server", "port", 8080, 0, 65535);
            int maxBody = (int) number(node, "server", "maxBodyBytes", DEFAULT_MAX_BODY_BYTES, 1, MAX_BODY_LIMIT);
            Duration grace = duration(node, "server", "shutdownGrace", Duration.ZERO, Duration.ofMinutes(10));
            return new ServerSettings(host, port, maxBody, grace != null ? grace : ServerSettings.DEFAULT_SHUTDOWN_GRACE,
                    tls(node.path("tls")), limits(node.path("limits")),
                    cidrs(node, "server", "trustedProxies"), credentialHeaders(node));
        }

        /** The built-in credential header patterns, and those {@code server.maskHeaders} adds. */
        private CredentialHeaders credentialHeaders(JsonNode server) {
            List<String> patterns = textList(server, "server", "maskHeaders", List.of());
            boolean list = server.path("maskHeaders").isArray();
            List<String> valid = new ArrayList<>();
            for (int i = 0; i < patterns.size(); i++) {
                if (CredentialHeaders.isValidPattern(patterns.get(i))) {
                    valid.add(patterns.get(i));
                } else {
                    problem("server.maskHeaders" + (list ? "[" + i + "]" : ""), "is not a header name pattern",
                            "write a header name, with * for any characters, e.g. \"x-tenant-*\"");
                }
            }
            return CredentialHeaders.DEFAULT.withPatterns(valid);
        }

        private TlsConfig tls(JsonNode node) {
            String key = "server.tls";
            if (!isMap(node, key)) {
                return null;
            }
            checkKeys(node, key, TLS_KEYS);
            String keystore = text(node, key, "keystore", null);
            if (keystore == null && !node.has("keystore")) {
                problem(key + ".keystore", "is required", "add keystore: conf/tls.p12 (a PKCS12 keystore)");
            }
            if (node.has("password")) {
                noteLiteral(key + ".password", node.path("password"));
            }
            String password = text(node, key, "password", null);
            if (password == null && !node.has("password")) {
                problem(key + ".password", "is required", "add password: \"${env:TLS_PASSWORD}\"");
            } else if (password != null && password.isEmpty()) {
                problem(key + ".password", "is empty", "set the keystore's password");
                password = null;
            }
            Duration reload = duration(node, key, "reloadInterval", Duration.ZERO, Duration.ofDays(1));
            if (reload != null && !reload.isZero() && reload.compareTo(Duration.ofSeconds(1)) < 0) {
                problem(key + ".reloadInterval", "must be 0 (no reloading) or at least 1s",
                        "set e.g. reloadInterval: 60s");
                reload = null;
            }
            if (keystore == null || password == null) {
                return null;
            }
            Path path;
            try {
                path = home.resolve(keystore).normalize();
            } catch (InvalidPathException e) {
                problem(key + ".keystore", "is not a valid file path", "write a path such as conf/tls.p12");
                return null;
            }
            // A path that came from a reference is shown as the reference: the value may be a secret.
            String written = node.path("keystore").asText();
            String shown = written.contains("${") ? "the file that " + written + " names" : path.toString();
            Secret secret = Secret.of(password);
            if (!tolerateUnresolvedReferences) {
                // The inspecting commands never serve HTTPS, and may lack the password.
                KeystoreCheck.check(key, path, shown, secret, problems);
            }
            return new TlsConfig(path, secret, reload != null ? reload : TlsConfig.DEFAULT_RELOAD_INTERVAL);
        }

        private ServerLimits limits(JsonNode node) {
            String key = "server.limits";
            if (!isMap(node, key)) {
                return ServerLimits.DEFAULTS;
            }
            checkKeys(node, key, LIMIT_KEYS);
            ServerLimits d = ServerLimits.DEFAULTS;
            int headerBytes = (int) number(node, key, "maxHeaderBytes", d.maxHeaderBytes(), 1024, 1024 * 1024);
            int headerCount = (int) number(node, key, "maxHeaderCount", d.maxHeaderCount(), 1, 10_000);
            Duration header = duration(node, key, "headerTimeout", Duration.ofMillis(100), Duration.ofHours(1));
            Duration idle = duration(node, key, "idleTimeout", Duration.ofMillis(100), Duration.ofHours(1));
            Duration body = duration(node, key, "bodyTimeout", Duration.ofMillis(100), Duration.ofHours(1));
            int connections = (int) number(node, key, "maxConnections", d.maxConnections(), 1, 1_000_000);
            int perClient = (int) number(node, key, "maxConnectionsPerClient", d.maxConnectionsPerClient(), 1,
                    1_000_000);
            return new ServerLimits(headerBytes, headerCount, header != null ? header : d.headerTimeout(),
                    idle != null ? idle : d.idleTimeout(), body != null ? body : d.bodyTimeout(), connections,
                    perClient);
        }

        /** A list of CIDR blocks or addresses, each checked; an empty list when absent. */
        private List<Cidr> cidrs(JsonNode parent, String key, String field) {
            List<Cidr> blocks = new ArrayList<>();
            List<String> texts = textList(parent, key, field, List.of());
            String full = key + "." + field;
            JsonNode node = parent.path(field);
            for (int i = 0; i < texts.size(); i++) {
                String itemKey = node.isArray() ? full + "[" + i + "]" : full;
                var block = Cidr.parse(texts.get(i));
                if (block.isEmpty()) {
                    // The text as written, not as resolved: a value from a reference may be a secret.
                    String written = (node.isArray() ? node.path(i) : node).asText();
                    problem(itemKey, "'" + written + "' is not an IP address or CIDR block",
                            "write an address (203.0.113.7, 2001:db8::1) or a block (10.0.0.0/8, 2001:db8::/32)");
                } else {
                    blocks.add(block.get());
                }
            }
            return blocks;
        }

        private EndpointAdmission admission(JsonNode endpoint, String key, ServerSettings server) {
            List<Cidr> allow = cidrs(endpoint, key, "allow");
            if (endpoint.has("allow") && allow.isEmpty() && !problemsAt(key + ".allow")) {
                problem(key + ".allow", "is empty, so no one could call this endpoint",
                        "list the allowed addresses or blocks, or remove allow: to allow everyone");
            }
            RateLimitConfig rateLimit = null;
            JsonNode rate = endpoint.path("rateLimit");
            if (isMap(rate, key + ".rateLimit")) {
                String rateKey = key + ".rateLimit";
                checkKeys(rate, rateKey, RATE_LIMIT_KEYS);
                if (!rate.has("requests")) {
                    problem(rateKey + ".requests", "is required", "add requests: <how many per source>");
                }
                int requests = (int) number(rate, rateKey, "requests", 1, 1, 1_000_000);
                Duration per = duration(rate, rateKey, "per", Duration.ofMillis(1), Duration.ofDays(1));
                if (per == null && !rate.has("per")) {
                    problem(rateKey + ".per", "is required", "add per: 1s (or 1m, 1h...)");
                }
                if (per != null) {
                    rateLimit = new RateLimitConfig(requests, per);
                }
            }
            int maxHeaderCount = (int) number(endpoint, key, "maxHeaderCount", server.limits().maxHeaderCount(), 1,
                    10_000);
            Duration bodyTimeout = duration(endpoint, key, "bodyTimeout", Duration.ofMillis(100), Duration.ofHours(1));
            return new EndpointAdmission(allow, rateLimit, maxHeaderCount,
                    bodyTimeout != null ? bodyTimeout : server.limits().bodyTimeout());
        }

        private boolean problemsAt(String prefix) {
            return problems.stream().anyMatch(p -> p.key().startsWith(prefix));
        }

        void noteLiteral(String key, JsonNode node) {
            if (node.isValueNode() && !node.isNull() && LiteralSecretWarning.isLiteral(node.asText())) {
                literalSecrets.add(key);
            }
        }

        private StoreSettings store(JsonNode node) {
            if (!isMap(node, "store")) {
                return new StoreSettings(home.resolve("data"));
            }
            checkKeys(node, "store", STORE_KEYS);
            String type = text(node, "store", "type", "embedded");
            boolean postgres = "postgres".equals(type);
            if (!postgres && !"embedded".equals(type) && !"sqlite".equals(type)) {
                problem("store.type", "must be embedded or postgres"
                        + DidYouMean.hint(type, List.of("embedded", "sqlite", "postgres")),
                        "write type: embedded (SQLite in store.path; also called sqlite) or type: postgres");
            }
            PostgresStoreSection.checkKeysOfType(this, node, postgres);
            String path = text(node, "store", "path", "data");
            Path directory;
            try {
                directory = home.resolve(path).normalize();
            } catch (InvalidPathException e) {
                // Not e.getMessage(): it quotes the path, which may have come from a reference to a secret.
                problem("store.path", "is not a valid directory path",
                        "write a path such as data or /var/lib/hookyard");
                directory = home.resolve("data");
            }
            int retentionDays = (int) number(node, "store", "retentionDays", StoreSettings.DEFAULT_RETENTION_DAYS, 0,
                    MAX_RETENTION_DAYS);
            long maxBacklog = number(node, "store", "maxBacklog", StoreSettings.DEFAULT_MAX_BACKLOG, 1,
                    MAX_BACKLOG_LIMIT, "set the most pending handler runs to keep before new deliveries are answered"
                            + " 503, e.g. maxBacklog: " + StoreSettings.DEFAULT_MAX_BACKLOG + " (the default)");
            return new StoreSettings(directory, retentionDays, maxBacklog,
                    postgres ? PostgresStoreSection.read(this, node) : null);
        }

        private ManagementSettings management(JsonNode node) {
            if (!isMap(node, "management")) {
                return ManagementSettings.DEFAULT;
            }
            checkKeys(node, "management", MANAGEMENT_KEYS);
            boolean enabled = true;
            String flag = text(node, "management", "enabled", "true");
            if ("false".equalsIgnoreCase(flag.trim())) {
                enabled = false;
            } else if (!"true".equalsIgnoreCase(flag.trim())) {
                problem("management.enabled", "must be true or false", "write enabled: true or enabled: false");
            }
            String host = text(node, "management", "host", ManagementSettings.DEFAULT.host());
            if (host.isBlank()) {
                problem("management.host", "is empty", "write host: 127.0.0.1 (loopback, the safe default)");
            }
            int port = (int) number(node, "management", "port", ManagementSettings.DEFAULT.port(), 0, 65535);
            Secret token = null;
            JsonNode tokenNode = node.path("token");
            if (!tokenNode.isMissingNode() && !tokenNode.isNull()) {
                noteLiteral("management.token", tokenNode);
                String value = text(node, "management", "token", null);
                if (value != null && value.isBlank()) {
                    problem("management.token", "is empty", "set a long random token, e.g. token:"
                            + " \"${env:HOOKYARD_MANAGEMENT_TOKEN}\" with the output of 'openssl rand -hex 32'");
                } else if (value != null) {
                    token = Secret.of(value);
                }
            }
            boolean tokenGiven = !tokenNode.isMissingNode() && !tokenNode.isNull();
            if (enabled && !tokenGiven && !host.isBlank() && !isLoopback(host)) {
                // The host as written, not as resolved: a value from a reference may be a secret.
                problem("management.token", "is required when management.host is not a loopback address (it is "
                        + node.path("host").asText() + ")", "set token: \"${env:HOOKYARD_MANAGEMENT_TOKEN}\""
                        + " (callers then send 'Authorization: Bearer <token>'), or bind host: 127.0.0.1");
            }
            return new ManagementSettings(enabled, host, port, token);
        }

        /** {@code localhost} or a loopback address literal; any other name counts as reachable from outside. */
        private static boolean isLoopback(String host) {
            String trimmed = host.trim();
            return trimmed.equalsIgnoreCase("localhost")
                    || Cidr.address(trimmed).map(java.net.InetAddress::isLoopbackAddress).orElse(false);
        }

        private List<EndpointConfig> endpoints(JsonNode node, ServerSettings server) {
            int defaultMaxBody = server.maxBodyBytes();
            List<EndpointConfig> result = new ArrayList<>();
            if (node.isMissingNode() || node.isNull() || (node.isObject() && node.isEmpty())) {
                problem("endpoints", "no endpoint is configured",
                        "add one, e.g. endpoints: { least: { vendor: least, secrets: [\"${env:LEAST_SECRET}\"] } }");
                return result;
            }
            if (!isMap(node, "endpoints")) {
                return result;
            }
            Map<String, String> paths = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String name = entry.getKey();
                String key = "endpoints." + name;
                JsonNode endpoint = entry.getValue();
                if (!validName(name, key) || !isMap(endpoint, key)) {
                    continue;
                }
                checkKeys(endpoint, key, ENDPOINT_KEYS);
                String vendor = text(endpoint, key, "vendor", null);
                if (vendor == null) {
                    problem(key + ".vendor", "is required", "add vendor: <id> (run 'hookyard vendors' to list them)");
                }
                String path = text(endpoint, key, "path", "/hooks/" + name);
                if (path != null && (!path.startsWith("/") || path.contains("?") || path.contains("#"))) {
                    problem(key + ".path", "must be an absolute URL path without query", "write e.g. path: /hooks/"
                            + name);
                } else if (path != null && paths.putIfAbsent(path, name) != null) {
                    problem(key + ".path", "is already used by endpoint " + paths.get(path),
                            "give each endpoint its own path");
                }
                List<KeyringEntry> secrets = secrets(endpoint.path("secrets"), key + ".secrets");
                Options options = Options.of(plainMap(endpoint.path("options"), key + ".options"));
                int maxBody = (int) number(endpoint, key, "maxBodyBytes", defaultMaxBody, 1, MAX_BODY_LIMIT);
                result.add(new EndpointConfig(name, vendor, path, secrets, options, maxBody,
                        admission(endpoint, key, server)));
            }
            return result;
        }

        /**
         * Each item is a value or reference, or {@code { value: ..., notAfter: 2026-12-31T00:00:00Z }} for a secret
         * being rotated out.
         */
        private List<KeyringEntry> secrets(JsonNode node, String key) {
            List<KeyringEntry> secrets = new ArrayList<>();
            if (node.isMissingNode() || node.isNull()) {
                return secrets;
            }
            List<JsonNode> items = new ArrayList<>();
            if (node.isArray()) {
                node.forEach(items::add);
            } else {
                items.add(node);
            }
            for (int i = 0; i < items.size(); i++) {
                String itemKey = node.isArray() ? key + "[" + i + "]" : key;
                JsonNode item = items.get(i);
                Instant notAfter = null;
                if (item.isObject()) {
                    checkKeys(item, itemKey, SECRET_KEYS);
                    String notAfterText = text(item, itemKey, "notAfter", null);
                    if (notAfterText != null) {
                        try {
                            notAfter = Instant.parse(notAfterText.trim());
                        } catch (DateTimeParseException e) {
                            problem(itemKey + ".notAfter", "is not an instant",
                                    "write an ISO-8601 UTC instant, e.g. notAfter: \"2026-12-31T00:00:00Z\"");
                            continue;
                        }
                    }
                    itemKey = itemKey + ".value";
                    item = item.path("value");
                    if (item.isMissingNode()) {
                        problem(itemKey, "is required", "write value: \"${env:NAME}\" next to notAfter");
                        continue;
                    }
                }
                if (!item.isValueNode() || item.isNull()) {
                    problem(itemKey, "must be a secret value or reference", "write \"${env:NAME}\" or \"${file:PATH}\"");
                    continue;
                }
                noteLiteral(itemKey, item);
                String value = references.resolve(itemKey, item.asText(), problems);
                if (value == null) {
                    continue;
                }
                if (value.isBlank()) {
                    problem(itemKey, "is empty", "set a non-empty secret");
                } else {
                    secrets.add(new KeyringEntry(Secret.of(value), notAfter, KeyringEntry.referenceOf(item.asText())));
                }
            }
            return secrets;
        }

        private List<HandlerConfig> handlers(JsonNode node) {
            List<HandlerConfig> result = new ArrayList<>();
            if (node.isMissingNode() || node.isNull() || !isMap(node, "handlers")) {
                return result;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String key = "handlers." + entry.getKey();
                if (!validName(entry.getKey(), key) || !isMap(entry.getValue(), key)) {
                    continue;
                }
                checkKeys(entry.getValue(), key, HANDLER_KEYS);
                String type = text(entry.getValue(), key, "type", null);
                if (type == null) {
                    problem(key + ".type", "is required", "add type: <handler type>, e.g. type: log");
                }
                Options options = Options.of(plainMap(entry.getValue().path("options"), key + ".options"));
                result.add(new HandlerConfig(entry.getKey(), type, options, limits(entry.getValue(), key)));
            }
            return result;
        }

        private HandlerLimits limits(JsonNode handler, String key) {
            JsonNode retry = handler.path("retry");
            Integer maxAttempts = null;
            Duration initialDelay = null;
            Duration maxDelay = null;
            if (isMap(retry, key + ".retry")) {
                checkKeys(retry, key + ".retry", RETRY_KEYS);
                if (retry.has("maxAttempts")) {
                    maxAttempts = (int) number(retry, key + ".retry", "maxAttempts", 8, 1, 1000);
                }
                initialDelay = duration(retry, key + ".retry", "initialDelay", Duration.ZERO, Duration.ofDays(1));
                maxDelay = duration(retry, key + ".retry", "maxDelay", Duration.ZERO, Duration.ofDays(7));
            }
            Duration timeout = duration(handler, key, "timeout", Duration.ofMillis(1), Duration.ofHours(1));
            Integer maxConcurrent = handler.has("maxConcurrent")
                    ? (int) number(handler, key, "maxConcurrent", 4, 1, 256) : null;
            return new HandlerLimits(maxAttempts, initialDelay, maxDelay, timeout, maxConcurrent);
        }

        /** A duration such as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d} or ISO-8601 {@code PT30S}. */
        Duration duration(JsonNode parent, String key, String field, Duration min, Duration max) {
            String text = text(parent, key, field, null);
            if (text == null) {
                return null;
            }
            String full = key + "." + field;
            Duration value = DurationText.parse(text);
            if (value == null) {
                problem(full, "is not a duration", "write e.g. 500ms, 30s, 5m, 2h or 1d");
                return null;
            }
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                problem(full, "must be between " + DurationText.format(min) + " and " + DurationText.format(max),
                        "set a duration in that range");
                return null;
            }
            return value;
        }

        private List<RouteConfig> routes(JsonNode node) {
            List<RouteConfig> result = new ArrayList<>();
            if (node.isMissingNode() || node.isNull()) {
                return result;
            }
            if (!node.isArray()) {
                problem("routes", "must be a list", "write routes: - { from: \"*\", to: [log] }");
                return result;
            }
            for (int i = 0; i < node.size(); i++) {
                String key = "routes[" + i + "]";
                JsonNode route = node.get(i);
                if (!isMap(route, key)) {
                    continue;
                }
                checkKeys(route, key, ROUTE_KEYS);
                List<String> from = textList(route, key, "from", List.of("*"));
                String vendor = text(route, key, "vendor", "*");
                List<String> events = textList(route, key, "events", List.of("*"));
                List<String> to = textList(route, key, "to", List.of());
                if (to.isEmpty()) {
                    problem(key + ".to", "names no handler", "add to: [<handler name>]");
                }
                RouteFilter filter = filter(route.path("filter"), key, from, events);
                result.add(new RouteConfig(i, from, vendor, events, to, filter));
            }
            return result;
        }

        /**
         * A route's filter, compiled now so that a filter that cannot work stops the configuration; each problem
         * names the route by its index and by what it takes (the index alone is hard to find in a long file).
         */
        private RouteFilter filter(JsonNode node, String routeKey, List<String> from, List<String> events) {
            FilterCompiler.Result result = FilterCompiler.compile(node);
            if (result instanceof FilterCompiler.Result.Invalid invalid) {
                String route = " (route from " + String.join(" ", from) + ", events " + String.join(" ", events)
                        + ")";
                for (FilterProblem p : invalid.problems()) {
                    problem(routeKey + ".filter" + (p.path().isEmpty() ? "" : "." + p.path()), p.problem() + route,
                            p.fix());
                }
                return RouteFilter.NONE;
            }
            return ((FilterCompiler.Result.Compiled) result).filter();
        }

        // ---- typed readers ------------------------------------------------------------------------------------

        boolean isMap(JsonNode node, String key) {
            if (node.isMissingNode() || node.isNull()) {
                return false;
            }
            if (!node.isObject()) {
                problem(key, "must be a map of keys to values", "indent its keys under " + key + ":");
                return false;
            }
            return true;
        }

        private boolean validName(String name, String key) {
            if (!NAME.matcher(name).matches()) {
                problem(key, "is not a valid name", "use letters, digits, '-', '_' or '.', at most 64 characters");
                return false;
            }
            return true;
        }

        void checkKeys(JsonNode node, String key, Set<String> known) {
            node.fieldNames().forEachRemaining(field -> {
                if (!known.contains(field)) {
                    String full = key.isEmpty() ? field : key + "." + field;
                    problem(full, "is not a known key" + DidYouMean.hint(field, known),
                            "remove it or use one of " + String.join(", ", known.stream().sorted().toList()));
                }
            });
        }

        String text(JsonNode parent, String key, String field, String defaultValue) {
            JsonNode node = parent.path(field);
            String full = key + "." + field;
            if (node.isMissingNode() || node.isNull()) {
                return defaultValue;
            }
            if (!node.isValueNode()) {
                problem(full, "must be a single value", "write " + field + ": <value>");
                return defaultValue;
            }
            String value = references.resolve(full, node.asText(), problems);
            return value == null ? defaultValue : value;
        }

        long number(JsonNode parent, String key, String field, long defaultValue, long min, long max) {
            return number(parent, key, field, defaultValue, min, max, null);
        }

        /** As above; {@code fix}, if given, replaces the generic advice for a value that is out of range. */
        private long number(JsonNode parent, String key, String field, long defaultValue, long min, long max,
                            String fix) {
            String text = text(parent, key, field, null);
            if (text == null) {
                return defaultValue;
            }
            String full = key + "." + field;
            try {
                long value = Long.parseLong(text.trim());
                if (value < min || value > max) {
                    problem(full, "must be between " + min + " and " + max, fix != null ? fix : "set a value in that range");
                    return defaultValue;
                }
                return value;
            } catch (NumberFormatException e) {
                problem(full, "must be a whole number", fix != null ? fix : "write " + field + ": <number>");
                return defaultValue;
            }
        }

        private List<String> textList(JsonNode parent, String key, String field, List<String> defaultValue) {
            JsonNode node = parent.path(field);
            String full = key + "." + field;
            if (node.isMissingNode() || node.isNull()) {
                return defaultValue;
            }
            if (node.isValueNode()) {
                String value = references.resolve(full, node.asText(), problems);
                return value == null ? defaultValue : List.of(value);
            }
            if (!node.isArray()) {
                problem(full, "must be a list of values", "write " + field + ": [a, b]");
                return defaultValue;
            }
            List<String> values = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                String itemKey = full + "[" + i + "]";
                if (!item.isValueNode() || item.isNull()) {
                    problem(itemKey, "must be a single value", "write " + field + ": [a, b]");
                    continue;
                }
                String value = references.resolve(itemKey, item.asText(), problems);
                if (value != null) {
                    values.add(value);
                }
            }
            return values;
        }

        private Map<String, Object> plainMap(JsonNode node, String key) {
            if (node.isMissingNode() || node.isNull()) {
                return Map.of();
            }
            if (!node.isObject()) {
                problem(key, "must be a map of option names to values", "indent the options under " + key + ":");
                return Map.of();
            }
            Object plain = plain(node, key);
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) plain;
            return map;
        }

        /** Plain Java values for plugin options: maps, lists, strings (references resolved), numbers, booleans. */
        private Object plain(JsonNode node, String key) {
            JsonNodeType type = node.getNodeType();
            switch (type) {
                case OBJECT: {
                    Map<String, Object> map = new LinkedHashMap<>();
                    node.fields().forEachRemaining(e -> {
                        if (LiteralSecretWarning.isSecretName(e.getKey())) {
                            noteLiteral(key + "." + e.getKey(), e.getValue());
                        }
                        Object value = plain(e.getValue(), key + "." + e.getKey());
                        if (value != null) {
                            map.put(e.getKey(), value);
                        }
                    });
                    return map;
                }
                case ARRAY: {
                    List<Object> list = new ArrayList<>();
                    for (int i = 0; i < node.size(); i++) {
                        Object value = plain(node.get(i), key + "[" + i + "]");
                        if (value != null) {
                            list.add(value);
                        }
                    }
                    return list;
                }
                case BOOLEAN:
                    return node.booleanValue();
                case NUMBER:
                    return node.numberValue();
                case NULL:
                case MISSING:
                    return null;
                default:
                    return references.resolve(key, node.asText(), problems);
            }
        }

        void problem(String key, String problem, String fix) {
            problems.add(new ConfigProblem(key, problem, fix));
        }
    }
}
