package dev.hookyard.server.console;

import dev.hookyard.server.store.StoreUnavailableException;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A page that cannot be made: 503 when the store is unavailable (saying so), 500 for anything else (logged). */
final class ConsoleErrors extends Handler.Wrapper {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleErrors.class);

    ConsoleErrors(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        try {
            return super.handle(request, response, callback);
        } catch (StoreUnavailableException e) {
            LOG.warn("Console request {} failed: {}", Request.getPathInContext(request), e.getMessage());
            return answer(request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503,
                    "The store is unavailable: " + e.getMessage());
        } catch (Exception e) {
            LOG.error("Console request {} failed", Request.getPathInContext(request), e);
            return answer(request, response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500, "Internal error.");
        }
    }

    private static boolean answer(Request request, Response response, Callback callback, int status, String text) {
        if (response.isCommitted()) {
            callback.failed(new IllegalStateException(text));
            return true;
        }
        return ConsolePages.html(response, status, ConsolePages.page("Error", ConsolePages.Nav.NONE, request,
                "<h1>Error</h1><p class=\"problem\" role=\"alert\">" + Html.text(text) + "</p>"), callback);
    }
}
