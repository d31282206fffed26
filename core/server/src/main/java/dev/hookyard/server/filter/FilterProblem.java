package dev.hookyard.server.filter;

/**
 * Something wrong with a filter as written.
 *
 * @param path    where, inside the filter, e.g. {@code body.data.status.$in} (empty for the filter itself)
 * @param problem what is wrong
 * @param fix     how to write it instead
 */
public record FilterProblem(String path, String problem, String fix) {
}
