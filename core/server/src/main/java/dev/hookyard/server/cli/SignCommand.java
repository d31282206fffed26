package dev.hookyard.server.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hookyard sign}: the headers a vendor sends with a body, signed with a secret. */
@Command(name = "sign", mixinStandardHelpOptions = true,
        description = {"Print the authentication headers a vendor sends with a body, one 'Name: value' per line, as"
                + " its own signer computes them for the given secret.",
                "Send exactly the same bytes as the body (curl --data-binary @FILE, never -d), or the signature will"
                        + " not match.",
                "Example:%n  export LEAST_SECRET=...%n  hookyard sign --vendor least --secret-env LEAST_SECRET"
                        + " --body-file body.json"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:headers printed", "1:unexpected failure",
                "2:unknown vendor, option or event type; secret or body cannot be read; a plugin cannot be loaded"})
final class SignCommand extends SignedDeliveryCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "1", heading = "%nThe body:%n")
    BodySource body;

    @Option(names = "--with-body", description = "After the headers, print an empty line and the body (useful with"
            + " --type, to see the sample that was signed).")
    boolean withBody;

    @Override
    public Integer call() {
        SignedBody signed = sign(body);
        PrintWriter out = spec.commandLine().getOut();
        signed.headers().forEach((name, value) -> out.println(name + ": " + value));
        if (withBody) {
            out.println();
            out.println(new String(signed.body(), StandardCharsets.UTF_8));
        }
        return ExitCodes.OK;
    }
}
