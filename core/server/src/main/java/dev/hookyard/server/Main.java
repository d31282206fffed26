package dev.hookyard.server;

import dev.hookyard.server.cli.HookyardCommand;
import picocli.CommandLine;

/** The {@code hookyard} command's entry point: {@code java -p lib -m dev.hookyard.server/dev.hookyard.server.Main}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Guice's generated fast classes live in an unnamed module that cannot see our non-exported packages;
        // plain reflection through the module's 'opens' works on the module path. Must be set before Guice loads.
        if (System.getProperty("guice_bytecode_gen_option") == null) {
            System.setProperty("guice_bytecode_gen_option", "DISABLED");
        }
        if (!runsTheServer(args)) {
            // Tool commands log warnings only, to stderr: their stdout is their output, and they should not
            // write into the server's log files. Must be set before Logback initialises.
            System.setProperty("logback.configurationFile", "hookyard-cli-logback.xml");
        }
        System.exit(HookyardCommand.execute(args));
    }

    /** Whether the command line asks for {@code run}: the first argument that is not an option. */
    private static boolean runsTheServer(String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                return arg.equals("run");
            }
        }
        return false;
    }
}
