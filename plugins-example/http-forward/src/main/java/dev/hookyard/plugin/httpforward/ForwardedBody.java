package dev.hookyard.plugin.httpforward;

/**
 * The bytes to POST and their Content-Type. The array is not copied: it is built for one request and the same
 * bytes are both signed and sent, which is the point.
 *
 * @param bytes       the exact body bytes
 * @param contentType the Content-Type header value
 */
record ForwardedBody(byte[] bytes, String contentType) {

    static final String JSON = "application/json";
}
