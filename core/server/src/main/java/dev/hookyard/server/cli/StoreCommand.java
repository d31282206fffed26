package dev.hookyard.server.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hookyard store}: work on the store as a whole. */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = "Work on the store as a whole (e.g. copy an embedded store into PostgreSQL).",
        subcommands = {StoreCopyCommand.class})
public final class StoreCommand implements Runnable {

    @ParentCommand
    HookyardCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(new PrintWriter(spec.commandLine().getOut(), true));
    }
}
