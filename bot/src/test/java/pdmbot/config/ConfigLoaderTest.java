package pdmbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        Path file = dir.resolve("pdm-bot.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void no_file_gives_the_embedded_defaults() {
        BotConfig config = ConfigLoader.load(null, Map.of());
        assertThat(config.store().kind()).isEqualTo("h2");
        assertThat(config.world().kind()).isEqualTo("demo");
        assertThat(config.data()).isEqualTo("data");
        assertThat(config.console().releaseManager()).isTrue();
    }

    @Test
    void the_example_configuration_in_the_repository_loads() {
        Path example = Path.of("..", "config", "pdm-bot.example.yaml");
        assertThat(example).exists();
        BotConfig config = ConfigLoader.load(example, Map.of());
        assertThat(config.world().kind()).isEqualTo("demo");
    }

    @Test
    void keys_are_read_in_kebab_case() throws Exception {
        BotConfig config = ConfigLoader.load(write("""
                store:
                  kind: postgres
                  postgres-url: jdbc:postgresql://db/pdm
                roles:
                  release-managers:
                    slack: [U1, U2]
                """), Map.of());
        assertThat(config.store().postgresUrl()).isEqualTo("jdbc:postgresql://db/pdm");
        assertThat(config.roles().releaseManagers()).containsEntry("slack", List.of("U1", "U2"));
    }

    @Test
    void an_unknown_key_is_named_with_its_line() throws Exception {
        assertThatThrownBy(() -> ConfigLoader.load(write("""
                data: somewhere
                store:
                  kind: h2
                  pasword: hunter2
                """), Map.of()))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("unknown key 'store.pasword'")
                .hasMessageContaining("line 4")
                .hasMessageContaining("postgres-password-env");
    }

    @Test
    void a_bad_value_is_named_with_its_key_and_line() throws Exception {
        assertThatThrownBy(() -> ConfigLoader.load(write("""
                world:
                  kind: moon
                """), Map.of()))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("'world.kind'")
                .hasMessageContaining("line 2")
                .hasMessageContaining("must be demo, git or gitlab, not 'moon'");
    }

    @Test
    void a_value_of_the_wrong_type_is_named() throws Exception {
        assertThatThrownBy(() -> ConfigLoader.load(write("""
                http:
                  port: lots
                """), Map.of()))
                .hasMessageContaining("'http.port'")
                .hasMessageContaining("line 2");
    }

    @Test
    void broken_yaml_is_reported_with_its_line() throws Exception {
        assertThatThrownBy(() -> ConfigLoader.load(write("data: a\n  kind: b\n"), Map.of()))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void a_missing_file_is_named() {
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope.yaml"), Map.of()))
                .hasMessageContaining("nope.yaml").hasMessageContaining("does not exist");
    }

    @Test
    void environment_variables_override_any_key() throws Exception {
        BotConfig config = ConfigLoader.load(write("store:\n  kind: h2\n"), Map.of(
                "PDM_STORE_KIND", "postgres",
                "PDM_STORE_POSTGRES_URL", "jdbc:postgresql://x/y",
                "PDM_HTTP_PORT", "9090",
                "PDM_ROLES_RELEASE_MANAGERS_SLACK", "U1, U2"));
        assertThat(config.store().kind()).isEqualTo("postgres");
        assertThat(config.store().postgresUrl()).isEqualTo("jdbc:postgresql://x/y");
        assertThat(config.http().port()).isEqualTo(9090);
        assertThat(config.roles().releaseManagers().get("slack")).containsExactly("U1", "U2");
    }

    @Test
    void a_bad_environment_override_names_the_variable() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("PDM_HTTP_PORT", "many")))
                .hasMessageContaining("PDM_HTTP_PORT").hasMessageContaining("http.port");
    }

    @Test
    void secrets_come_from_the_environment_or_a_file_and_errors_never_show_them() throws Exception {
        Path secretFile = dir.resolve("token");
        Files.writeString(secretFile, "glpat-from-file\n");
        Secrets secrets = new Secrets(Map.of("PDM_GITLAB_TOKEN", "from-env", "OTHER_FILE", secretFile.toString()));
        assertThat(secrets.read("PDM_GITLAB_TOKEN", null)).contains("from-env");
        assertThat(secrets.read("PDM_GITLAB_TOKEN", secretFile.toString())).contains("glpat-from-file");
        assertThat(secrets.read("OTHER", null)).contains("glpat-from-file");
        assertThatThrownBy(() -> secrets.require("MISSING", null, "GitLab"))
                .hasMessageContaining("set the environment variable MISSING");
    }

    @Test
    void a_wrong_type_is_named_in_the_configuration_s_words_not_java_s() throws Exception {
        // issue 10, item 9: the message used to say "Cannot deserialize value of type `java.lang.Integer`"
        assertThatThrownBy(() -> ConfigLoader.load(write("http:\n  port: abc\n"), Map.of()))
                .hasMessageEndingWith("pdm-bot.yaml: bad value for 'http.port' at line 2: expected a whole number, got \"abc\"");
        assertThatThrownBy(() -> ConfigLoader.load(write("console:\n  release-manager: maybe\n"), Map.of()))
                .hasMessageEndingWith("bad value for 'console.release-manager' at line 2: expected true or false, got \"maybe\"");
        assertThatThrownBy(() -> ConfigLoader.load(write("run:\n  change-locks: yes\n"), Map.of()))
                .hasMessageEndingWith("bad value for 'run.change-locks' at line 2: expected a list, got true");
        assertThatThrownBy(() -> ConfigLoader.load(write("store: h2\n"), Map.of()))
                .hasMessageEndingWith("bad value for 'store' at line 1: expected a map of keys, got \"h2\"");
        assertThatThrownBy(() -> ConfigLoader.load(write("http:\n  port: 80.5\n"), Map.of()))
                .hasMessageEndingWith("bad value for 'http.port' at line 2: expected a whole number, got 80.5");
        assertThatThrownBy(() -> ConfigLoader.load(write("discord:\n  guilds: [[1]]\n"), Map.of()))
                .hasMessageContaining("bad value for 'discord.guilds[0]' at line 2: expected text, got a list")
                .hasMessageNotContaining("java.");
    }

    @Test
    void a_wrong_type_from_the_environment_names_the_variable_and_the_key() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("PDM_HTTP_PORT", "abc")))
                .hasMessage("the environment variable PDM_HTTP_PORT: bad value for 'http.port': expected a whole number, got \"abc\"");
    }

    @Test
    void a_pdm_variable_that_looks_misspelt_is_warned_about_naming_the_nearest_known_key() {
        Map<String, String> environment = Map.of("PDM_STORE_KND", "postgres", "PDM_HTTP_PROT", "9090",
                "PDM_HOME", "/home/someone/.pdm", "PDM_PG_PASSWORD", "secret", "PDM_GITLAB_TOKEN_FILE", "/run/token",
                "PDM_HTTP_PORT", "8081", "pdm_data", "/tmp/x");
        BotConfig config = ConfigLoader.load(null, environment);

        assertThat(ConfigLoader.environmentWarnings(config, environment)).containsExactly(
                "the environment variable PDM_HTTP_PROT is not a pdm-bot setting and is ignored: did you mean PDM_HTTP_PORT (http.port)?",
                "the environment variable PDM_STORE_KND is not a pdm-bot setting and is ignored: did you mean PDM_STORE_KIND (store.kind)?",
                "the environment variable pdm_data is not a pdm-bot setting and is ignored: did you mean PDM_DATA (data)?");
    }

    @Test
    void the_secret_variables_the_configuration_names_are_not_warned_about() {
        Map<String, String> environment = Map.of("PDM_PG_PASSWRD", "x", "PDM_GITLAB_TOKN", "y", "PDM_GITLAB_OPS_TOKEN", "z",
                "PDM_GITLAB_OPS_TOKEN_FILE", "/run/ops-token");
        BotConfig config = ConfigLoader.load(null, Map.of("PDM_STORE_POSTGRES_PASSWORD_ENV", "PDM_PG_PASSWRD"));

        assertThat(ConfigLoader.environmentWarnings(config, environment)).containsExactly(
                "the environment variable PDM_GITLAB_TOKN is not a pdm-bot setting and is ignored: did you mean PDM_GITLAB_TOKEN (the secret named by world.gitlab.token-env)?");
    }
}
