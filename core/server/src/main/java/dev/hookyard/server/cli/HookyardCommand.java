package dev.hookyard.server.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code hookyard} command; its subcommands do the work. */
@Command(name = "hookyard", mixinStandardHelpOptions = true, versionProvider = HookyardCommand.Version.class,
        description = "Hookyard: a self-hosted receiver for signed webhooks.",
        subcommands = {RunCommand.class, CheckCommand.class, VendorsCommand.class, PluginsCommand.class,
                SignCommand.class, SendCommand.class, DeliveriesCommand.class, ReplayCommand.class, PurgeCommand.class,
                StoreCommand.class, VersionCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:unexpected failure", "2:invalid configuration, plugin or usage",
                "3:store unavailable", "4:no such delivery, or nothing to replay it to",
                "5:send: the receiver answered with a status other than 2xx",
                "6:send: no answer (connection refused, timeout)"})
public final class HookyardCommand implements Runnable {

    @Spec
    CommandSpec spec;

    private final CommandEnvironment environment;

    private HookyardCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    /** The environment variables and home directory the subcommands see. */
    CommandEnvironment environment() {
        return environment;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns the exit status. */
    public static int execute(String... args) {
        return execute(null, null, args);
    }

    /** As {@link #execute(String...)}, writing command output to {@code out} and errors to {@code err}. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return execute(CommandEnvironment.system(), out, err, args);
    }

    /**
     * As {@link #execute(PrintWriter, PrintWriter, String...)}, with the given environment variables and home
     * directory instead of the process's (for tests). A null stream means the process's own.
     */
    public static int execute(CommandEnvironment environment, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new HookyardCommand(environment));
        if (out != null) {
            commandLine.setOut(out);
        }
        if (err != null) {
            commandLine.setErr(err);
        }
        commandLine.setExitCodeExceptionMapper(e -> ExitCodes.FAILURE);
        commandLine.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("hookyard: " + e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return ExitCodes.CONFIG;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof CommandFailedException failed) {
                cmd.getErr().println("hookyard " + cmd.getCommandName() + ": " + failed.getMessage());
                return failed.exitCode();
            }
            throw e;
        });
        int status = commandLine.execute(args);
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        return status;
    }

    /** Supplies {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"hookyard " + VersionCommand.version()};
        }
    }
}
