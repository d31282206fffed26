package dev.hookyard.plugin.exec;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Kills a process and everything it started. Children go first, while the process is still there to be their
 * parent: once it is gone they are re-parented away and {@link ProcessHandle#descendants()} no longer finds them. A
 * few rounds catch children forked while the previous round was being killed.
 */
final class ProcessTree {

    private static final int ROUNDS = 5;

    private ProcessTree() {
    }

    /** Kills {@code root}'s descendants, then {@code root}; returns how many descendants were killed. */
    static int kill(ProcessHandle root) {
        Set<Long> killed = new HashSet<>();
        for (int round = 0; round < ROUNDS; round++) {
            List<ProcessHandle> fresh = root.descendants().filter(h -> !killed.contains(h.pid())).toList();
            if (fresh.isEmpty()) {
                break;
            }
            for (ProcessHandle process : fresh) {
                process.destroyForcibly();
                killed.add(process.pid());
            }
        }
        root.destroyForcibly();
        return killed.size();
    }
}
