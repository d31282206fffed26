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
        System.exit(HookyardCommand.execute(args));
    }
}
