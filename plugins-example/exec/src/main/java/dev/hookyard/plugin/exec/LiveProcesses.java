package dev.hookyard.plugin.exec;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The processes of one handler's runs under way, so that closing the handler (at shutdown) can kill them rather than
 * leave them running unowned. Once closed, a process registered late is killed at once.
 */
final class LiveProcesses {

    private final Set<Process> processes = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    void add(Process process) {
        processes.add(process);
        if (closed) {
            ProcessTree.kill(process.toHandle());
        }
    }

    void remove(Process process) {
        processes.remove(process);
    }

    /** Whether {@link #closeAndKill()} was called: a run that ended since then was cut short, whatever its exit. */
    boolean closed() {
        return closed;
    }

    /** Kills every process tree under way, and any registered from now on. */
    void closeAndKill() {
        closed = true;
        for (Process process : processes) {
            ProcessTree.kill(process.toHandle());
        }
    }
}
