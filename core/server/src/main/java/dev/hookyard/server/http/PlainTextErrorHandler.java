package dev.hookyard.server.http;

import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Replaces Jetty's error pages, which echo exception messages and request URIs, with the status's standard reason
 * phrase only. Used for every error Jetty produces itself (bad HTTP, oversized headers, handler failures).
 */
public final class PlainTextErrorHandler implements Request.Handler {

    private final RejectionCounters rejections;

    public PlainTextErrorHandler() {
        this(new RejectionCounters());
    }

    /** Counts the header-size refusals Jetty makes itself (431) in {@code rejections}. */
    public PlainTextErrorHandler(RejectionCounters rejections) {
        this.rejections = rejections;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        if (request.getAttribute(ErrorHandler.ERROR_EXCEPTION) instanceof HttpException httpException) {
            status = httpException.getCode();
        }
        if (status < 400) {
            status = HttpStatus.INTERNAL_SERVER_ERROR_500;
        }
        if (status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505) {
            // An unknown protocol version in the request line is the sender's mistake: a 5xx would make monitoring
            // (and vendors' retry logic) blame the receiver.
            status = HttpStatus.BAD_REQUEST_400;
        }
        if (status == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431) {
            rejections.record(RejectionCounters.Reason.HEADERS_TOO_LARGE, "client=" + Request.getRemoteAddr(request)
                    + " (request line and headers over maxHeaderBytes)");
        }
        if (HttpStatus.hasNoBody(status)) {
            response.setStatus(status);
            callback.succeeded();
            return true;
        }
        String reason = HttpStatus.getMessage(status);
        PlainResponses.send(response, status, reason == null ? "error" : reason.toLowerCase(java.util.Locale.ROOT),
                callback);
        return true;
    }
}
