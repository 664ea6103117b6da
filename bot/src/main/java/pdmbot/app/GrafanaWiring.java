package pdmbot.app;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import pdmbot.config.BotConfig;
import pdmbot.config.InvalidConfigurationException;
import pdmbot.config.Secrets;
import pdmbot.grafana.GrafanaAnnotations;
import pdmbot.telemetry.CallErrors;

/** Builds Grafana annotations from {@code grafana.*} and the token in the environment; none when no URL is set. */
final class GrafanaWiring {

    private GrafanaWiring() {
    }

    /** The annotations, or null when {@code grafana.url} is unset; a set URL without a token stops the start, saying where it looked. */
    static GrafanaAnnotations annotations(BotConfig.Grafana grafana, Secrets secrets, CallErrors errors) {
        if (!grafana.isEnabled()) return null;
        String token = secrets.read(grafana.tokenEnv(), null).orElseThrow(() -> new InvalidConfigurationException(
                "grafana.url is set but " + grafana.tokenEnv() + " (grafana.token-env) holds no service-account token:"
                        + " set it, or remove grafana.url to run without annotations"));
        String base = grafana.url().endsWith("/") ? grafana.url() : grafana.url() + "/";
        return new GrafanaAnnotations(new GrafanaAnnotations.Settings(URI.create(base), token,
                Optional.ofNullable(grafana.dashboardUid()), Duration.ofSeconds(grafana.timeoutSeconds())), errors);
    }
}
