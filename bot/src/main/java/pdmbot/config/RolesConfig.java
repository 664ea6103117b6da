package pdmbot.config;

import java.util.List;
import java.util.Map;

/** Release managers per platform, by the platform's user id. */
public record RolesConfig(Map<String, List<String>> releaseManagers) {
    public RolesConfig {
        releaseManagers = releaseManagers == null ? Map.of() : Map.copyOf(releaseManagers);
    }
}
