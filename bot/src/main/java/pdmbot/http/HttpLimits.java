package pdmbot.http;

import java.time.Duration;

/**
 * What the HTTP server allows a client, so that slow, silent or oversized clients cannot hold it up.
 *
 * @param idleTimeout    a connection with no bytes moving for this long is closed (Jetty's idle timeout)
 * @param headerTimeout  a connection that has not sent a complete request head this long after opening is closed
 * @param bodyTimeout    a request whose body is not complete this long after its head is answered 408
 * @param maxHeaderBytes a request head over this is answered 431
 * @param maxBodyBytes   a body over this is answered 413 (at once when Content-Length says so)
 * @param maxConnections past this many open connections, new ones wait in the accept queue
 * @param threads        worker threads; waiting for bytes takes none of them
 */
public record HttpLimits(Duration idleTimeout, Duration headerTimeout, Duration bodyTimeout, int maxHeaderBytes,
                         int maxBodyBytes, int maxConnections, int threads) {

    /** Slack's payloads are a few kilobytes, and Slack sends a request whole within its 3-second budget. */
    public static final HttpLimits DEFAULTS = new HttpLimits(Duration.ofSeconds(30), Duration.ofSeconds(10),
            Duration.ofSeconds(10), 16 * 1024, 1 << 20, 2000, 32);

    public HttpLimits {
        if (idleTimeout.isNegative() || idleTimeout.isZero()) throw new IllegalArgumentException("idle timeout must be positive");
        if (headerTimeout.isNegative() || headerTimeout.isZero()) throw new IllegalArgumentException("header timeout must be positive");
        if (bodyTimeout.isNegative() || bodyTimeout.isZero()) throw new IllegalArgumentException("body timeout must be positive");
        if (maxHeaderBytes < 1024) throw new IllegalArgumentException("max header bytes must be at least 1024");
        if (maxBodyBytes < 1024) throw new IllegalArgumentException("max body bytes must be at least 1024");
        if (maxConnections < 1) throw new IllegalArgumentException("max connections must be at least 1");
        if (threads < 4) throw new IllegalArgumentException("threads must be at least 4");
    }
}
