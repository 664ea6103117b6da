package pdmbot.config;

/**
 * GrafanaConfig annotations of each run and each executed migration (issue 17): off unless {@code url} is set; the
 * service-account token comes from the {@code token-env} variable (or its _FILE); {@code dashboard-uid}, when set,
 * ties them to one dashboard, else they are organization annotations any dashboard can show by tag.
 */
public record GrafanaConfig(String url, String tokenEnv, String dashboardUid, Integer timeoutSeconds) {
    public GrafanaConfig {
        if (url != null && url.isBlank()) url = null;
        if (url != null && !url.matches("https?://.+"))
            throw new IllegalArgumentException("url: must start with http:// or https://, not '" + url + "'");
        if (tokenEnv == null || tokenEnv.isBlank()) tokenEnv = "PDM_GRAFANA_TOKEN";
        if (dashboardUid != null && dashboardUid.isBlank()) dashboardUid = null;
        if (timeoutSeconds == null) timeoutSeconds = 5;
        if (timeoutSeconds <= 0) throw new IllegalArgumentException("timeout-seconds: must be a positive number of seconds");
    }

    public boolean isEnabled() {
        return url != null;
    }
}
