package pdmbot.config;

/** The HTTP server of {@code serve}: health and the SlackConfig endpoint, with the limits a client gets. */
public record HttpConfig(String bind, Integer port, Integer idleTimeoutSeconds, Integer headerTimeoutSeconds,
                         Integer bodyTimeoutSeconds, Integer maxHeaderBytes, Integer maxBodyBytes, Integer maxConnections) {
    public HttpConfig {
        if (bind == null || bind.isBlank()) bind = "127.0.0.1";
        if (port == null) port = 8080;
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port: must be a port between 0 and 65535");
        if (idleTimeoutSeconds == null) idleTimeoutSeconds = 30;
        if (headerTimeoutSeconds == null) headerTimeoutSeconds = 10;
        if (bodyTimeoutSeconds == null) bodyTimeoutSeconds = 10;
        if (maxHeaderBytes == null) maxHeaderBytes = 16 * 1024;
        if (maxBodyBytes == null) maxBodyBytes = 1 << 20;
        if (maxConnections == null) maxConnections = 2000;
        if (idleTimeoutSeconds < 1) throw new IllegalArgumentException("idle-timeout-seconds: must be at least 1");
        if (headerTimeoutSeconds < 1) throw new IllegalArgumentException("header-timeout-seconds: must be at least 1");
        if (bodyTimeoutSeconds < 1) throw new IllegalArgumentException("body-timeout-seconds: must be at least 1");
        if (maxHeaderBytes < 1024) throw new IllegalArgumentException("max-header-bytes: must be at least 1024");
        if (maxBodyBytes < 1024) throw new IllegalArgumentException("max-body-bytes: must be at least 1024");
        if (maxConnections < 1) throw new IllegalArgumentException("max-connections: must be at least 1");
    }
}
