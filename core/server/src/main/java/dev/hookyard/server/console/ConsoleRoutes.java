package dev.hookyard.server.console;

import dev.hookyard.server.config.HookyardConfig.ManagementSettings;
import dev.hookyard.server.metrics.ServerMetrics;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The management port's handlers: the console at {@code /} and under {@code /console/}, the JSON API, probes and
 * metrics everywhere else. Each surface counts its requests under its own fixed label; every console request passes
 * {@link SecurityHeaders} and {@link ConsoleGate} before its page.
 */
public final class ConsoleRoutes {

    private ConsoleRoutes() {
    }

    /** The whole management port: the console beside {@code api} (the JSON API's handler). */
    public static Handler managementPort(ManagementSettings settings, ConsoleData data, Handler api) {
        ConsoleSessions sessions = new ConsoleSessions(data.clock());
        Handler console = new SurfaceCount("console", data.metrics(), new SecurityHeaders(new ConsoleErrors(
                new ConsoleGate(pages(settings, data, sessions), settings.token(), sessions, settings.host()))));
        PathRoutes port = new PathRoutes();
        port.addMapping(PathSpec.from(""), console);
        port.addMapping(PathSpec.from("/console/*"), console);
        port.addMapping(PathSpec.from("/"), new SurfaceCount("api", data.metrics(), api));
        return port;
    }

    private static Handler pages(ManagementSettings settings, ConsoleData data, ConsoleSessions sessions) {
        PathRoutes pages = new PathRoutes();
        pages.addMapping(PathSpec.from(""), only(Set.of("GET", "HEAD"), new OverviewPage(data)));
        pages.addMapping(PathSpec.from("/console/assets/*"), only(Set.of("GET", "HEAD"), new StaticAssets()));
        pages.addMapping(PathSpec.from("^/console/(sign-in|sign-out)$"),
                new SignInPage(settings.token(), sessions, data.clock()));
        pages.addMapping(PathSpec.from("/console/deliveries"),
                only(Set.of("GET", "HEAD"), new DeliveriesPage(data)));
        pages.addMapping(PathSpec.from("^/console/deliveries/[^/]+$"),
                only(Set.of("GET", "HEAD"), new DeliveryDetailPage(data)));
        pages.addMapping(PathSpec.from("^/console/(replay|deliveries/[^/]+/replay)$"),
                only(Set.of("POST"), new ReplayActions(data)));
        pages.addMapping(PathSpec.from("/console/tail"), only(Set.of("GET", "HEAD"), new TailPage()));
        pages.addMapping(PathSpec.from(TailStream.PATH),
                only(Set.of("GET"), new TailStream(data.activity().tail())));
        pages.addMapping(PathSpec.from("/console/vendors"), only(Set.of("GET", "HEAD"), new VendorsPage(data)));
        pages.addMapping(PathSpec.from(VendorsPage.TEST), only(Set.of("POST"), new VendorsPage(data)));
        pages.addMapping(PathSpec.from("/console/*"), new Handler.Abstract(Handler.Abstract.InvocationType.NON_BLOCKING) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                return ConsolePages.plain(response, HttpStatus.NOT_FOUND_404, "not found", callback);
            }
        });
        return pages;
    }

    /** {@code handler} for these methods; 405 naming them for any other. */
    private static Handler only(Set<String> methods, Handler handler) {
        return new Handler.Wrapper(handler) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                if (!methods.contains(request.getMethod())) {
                    response.getHeaders().put(HttpHeader.ALLOW, String.join(", ", methods));
                    return ConsolePages.plain(response, HttpStatus.METHOD_NOT_ALLOWED_405, "method not allowed",
                            callback);
                }
                return super.handle(request, response, callback);
            }
        };
    }
}
