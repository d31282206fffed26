package dev.hookyard.server.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** One in-process run of the {@code hookyard} command line: its exit status and everything it printed. */
record CommandRun(int status, String out, String err) {

    /** Runs {@code args} with this home directory and these environment variables (and no others). */
    static CommandRun of(Path home, Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = HookyardCommand.execute(new CommandEnvironment(home, environment::get),
                new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CommandRun(status, out.toString(), err.toString());
    }

    /** For assertion messages. */
    String transcript() {
        return "exit status " + status + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err + "---";
    }
}
