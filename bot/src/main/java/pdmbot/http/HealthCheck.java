package pdmbot.http;

import java.util.Optional;

/** A dependency {@code /healthz} reports on: empty when it is fine, else what is wrong (no secret, one line). */
public interface HealthCheck {

    /** The key in {@code /healthz}'s JSON, e.g. {@code slack}. */
    String name();

    Optional<String> problem();
}
