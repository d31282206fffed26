package dev.hookyard.vendor.hmac;

import dev.hookyard.vendor.support.TimestampTolerance;

/**
 * How an endpoint's platform signs a timestamp with the body.
 *
 * @param header    the header carrying the timestamp, whole seconds since the Unix epoch
 * @param content   what is signed: the timestamp and the body in a template
 * @param tolerance how far the timestamp may lie from the receiver's clock, either way
 */
record Timestamping(String header, SignedContent content, TimestampTolerance tolerance) {
}
