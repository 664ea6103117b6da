package pdmbot.config;

import java.util.List;

/** Where the bot keeps its state: {@code h2} in the data folder, or a shared {@code postgres}. */
public record StoreConfig(String kind, String postgresUrl, String postgresUser, String postgresPasswordEnv,
                          String postgresPasswordFile) {
    public StoreConfig {
        if (kind == null || kind.isBlank()) kind = "h2";
        if (!List.of("h2", "postgres").contains(kind))
            throw new IllegalArgumentException("kind: must be h2 or postgres, not '" + kind + "'");
        if (postgresPasswordEnv == null || postgresPasswordEnv.isBlank()) postgresPasswordEnv = "PDM_PG_PASSWORD";
    }
}
