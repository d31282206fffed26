package dev.hookyard.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hookyard send}: POSTs a delivery signed the way the vendor signs, what a vendor's "Test Webhook" button
 * does (several of which send an invalid signature).
 */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = {"POST a signed delivery to a URL, as the vendor would send it: the catalog sample of an"
                + " event type (or a body of yours), the vendor's signature headers for the secret, and"
                + " Content-Type: application/json. Prints the status and the response body.",
                "Use it to test a Hookyard endpoint (or any receiver) end to end with a valid signature.",
                "Example:%n  export LEAST_SECRET=...%n  hookyard send --vendor least --type record.created \\%n"
                        + "    --secret-env LEAST_SECRET --url http://localhost:8080/hooks/least"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the receiver answered 2xx", "1:unexpected failure",
                "2:unknown vendor, option or event type; bad URL; secret or body cannot be read",
                "5:the receiver answered with another status (e.g. 401: wrong secret or options)",
                "6:no answer (connection refused, unknown host, timeout)"})
final class SendCommand extends SignedDeliveryCommand implements Callable<Integer> {

    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "Where to POST, e.g. http://localhost:8080/hooks/least.")
    String url;

    @ArgGroup(exclusive = true, multiplicity = "1", heading = "%nThe body:%n")
    BodySource body;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long to wait for the connection, and then for the answer (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws InterruptedException {
        URI target = target();
        if (timeoutSeconds < 1) {
            throw new CommandFailedException(ExitCodes.CONFIG, "--timeout must be at least 1 second");
        }
        SignedBody signed = sign(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(timeoutSeconds))
                .header("User-Agent", "hookyard-send/" + VersionCommand.version())
                .POST(HttpRequest.BodyPublishers.ofByteArray(signed.body()));
        if (signed.headers().keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            request.header("Content-Type", "application/json");
        }
        signed.headers().forEach(request::header);

        PrintWriter out = spec.commandLine().getOut();
        out.println("POST " + target + " (" + signed.vendorId()
                + (signed.typeName() != null ? " " + signed.typeName() : "") + ", " + signed.body().length
                + " bytes, signed: " + String.join(", ", signed.headers().keySet()) + ")");
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(timeoutSeconds))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new CommandFailedException(ExitCodes.NO_ANSWER, "no answer from " + target + " within "
                    + timeoutSeconds + "s");
        } catch (ConnectException e) {
            throw new CommandFailedException(ExitCodes.NO_ANSWER, "cannot connect to " + target.getHost() + ":"
                    + port(target) + " (is the receiver running and listening there?)");
        } catch (IOException e) {
            throw new CommandFailedException(ExitCodes.NO_ANSWER, "sending to " + target + " failed: " + e);
        }
        int status = response.statusCode();
        out.println("HTTP " + status);
        String text = new String(response.body(), StandardCharsets.UTF_8);
        if (!text.isEmpty()) {
            out.print(text);
            if (!text.endsWith("\n")) {
                out.println();
            }
        }
        if (status >= 200 && status < 300) {
            return ExitCodes.OK;
        }
        spec.commandLine().getErr().println("hookyard send: the receiver answered " + status + hint(status));
        return ExitCodes.REFUSED;
    }

    private URI target() {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("http")
                    || uri.getScheme().equalsIgnoreCase("https")) || uri.getHost() == null) {
                throw new URISyntaxException(url, "not an absolute http or https URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new CommandFailedException(ExitCodes.CONFIG, "--url: '" + url + "' is not an absolute http or"
                    + " https URL (write e.g. --url http://localhost:8080/hooks/least)");
        }
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    private static String hint(int status) {
        return switch (status) {
            case 401 -> ": the signature was refused. Is the secret the one configured for that endpoint, and do"
                    + " the --option values (e.g. channel, platform, scheme) match its options?";
            case 400 -> ": the signature was accepted but the body was not (not JSON, or not this vendor's shape)";
            case 404 -> ": no endpoint at that path (check the endpoint's path: in the configuration)";
            case 413 -> ": the body is larger than the endpoint's maxBodyBytes";
            case 503 -> ": the receiver cannot store deliveries right now (a vendor would retry)";
            default -> "";
        };
    }
}
