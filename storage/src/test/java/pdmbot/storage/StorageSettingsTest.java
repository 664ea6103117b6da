package pdmbot.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Settings name the store in words safe to show. */
class StorageSettingsTest {

    @Test
    void a_password_anywhere_in_a_url_is_removed_from_what_is_shown() {
        assertThat(StorageSettings.redact("jdbc:postgresql://db:5432/pdm?password=s3cret&sslmode=require"))
                .isEqualTo("jdbc:postgresql://db:5432/pdm?sslmode=require");
        assertThat(StorageSettings.redact("jdbc:postgresql://db:5432/pdm?sslmode=require&PASSWORD=s3cret"))
                .isEqualTo("jdbc:postgresql://db:5432/pdm?sslmode=require");
        assertThat(StorageSettings.redact("jdbc:postgresql://bot:s3cret@db:5432/pdm"))
                .isEqualTo("jdbc:postgresql://db:5432/pdm");
        assertThat(StorageSettings.redact(null)).isEqualTo("(no URL)");
    }

    @Test
    void the_h2_file_store_lives_in_the_data_folder_in_postgresql_mode_with_the_default_file_lock() {
        StorageSettings settings = StorageSettings.h2(Path.of("/var/lib/pdm-bot"));

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:h2:file:/var/lib/pdm-bot/pdm-bot"
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
        assertThat(settings.location()).isEqualTo("/var/lib/pdm-bot/pdm-bot.mv.db");
    }

    @Test
    void an_in_memory_name_that_would_change_the_url_is_refused() {
        assertThatThrownBy(() -> StorageSettings.inMemoryH2("x;INIT=RUNSCRIPT FROM 'evil.sql'"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
