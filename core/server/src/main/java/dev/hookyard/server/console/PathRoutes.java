package dev.hookyard.server.console;

import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.PathMappingsHandler;

/**
 * Jetty's path mappings, handing each handler the request as it came. Jetty 12.1 would wrap it so that the matched
 * prefix became part of the context path (as a servlet path does), which fails on a server without a context and
 * would make every page see another path than the one asked for; pages here read the whole path.
 */
final class PathRoutes extends PathMappingsHandler {

    @Override
    protected Request newPathSpecRequest(Request request, PathSpec pathSpec) {
        return request;
    }
}
