package dev.hookyard.plugin.exec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One {@code exec} handler's checked options.
 *
 * @param command            the argument vector; the first element is an absolute path or a name found on PATH
 * @param workingDirectory   an existing directory the command runs in
 * @param timeout            how long one run may take before its process tree is killed
 * @param maxConcurrent      how many runs of this handler may be under way at once
 * @param inheritEnvironment whether the command sees Hookyard's own environment (else only PATH and the variables
 *                           below)
 * @param basePath           the PATH given to the command when the environment is not inherited
 * @param variables          the {@code env} option
 */
record CommandSettings(List<String> command, Path workingDirectory, Duration timeout, int maxConcurrent,
                       boolean inheritEnvironment, String basePath, PayloadVariables variables) {

    CommandSettings {
        command = List.copyOf(command);
    }

    /** The program's file name, for messages (arguments may hold configured credentials, so never those). */
    String programName() {
        String program = command.get(0);
        Path fileName = Path.of(program).getFileName();
        return fileName == null ? program : fileName.toString();
    }
}
