package dev.hookyard.server.filter;

/**
 * Why a filter did not select a delivery: the first condition that failed, where it is in the filter, what it
 * expected and what the delivery had there.
 *
 * @param path     the condition's place in the filter as written, e.g. {@code body.data.status.$in}
 * @param expected what the condition wanted, e.g. {@code one of ["open","pending"]}
 * @param found    what the delivery had, e.g. {@code "closed"} or {@code nothing (missing)}; values are shortened
 */
public record FilterMismatch(String path, String expected, String found) {

    @Override
    public String toString() {
        return path + ": expected " + expected + ", found " + found;
    }
}
