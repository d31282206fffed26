package dev.hookyard.server.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hookyard deliveries}: list and show stored deliveries. */
@Command(name = "deliveries", mixinStandardHelpOptions = true,
        description = "Inspect stored deliveries (works on a running server's store too).",
        subcommands = {ListDeliveriesCommand.class, ShowDeliveryCommand.class})
public final class DeliveriesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(new PrintWriter(spec.commandLine().getOut(), true));
    }
}
