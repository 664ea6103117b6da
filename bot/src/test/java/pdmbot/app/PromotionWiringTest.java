package pdmbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.config.BotConfig;
import pdmbot.config.ConfigLoader;
import pdmbot.config.InvalidConfigurationException;
import pdmbot.domain.Environment;
import pdmbot.promote.PromotionChain;

/** {@code deploy.chain} (issue 16): GitLab.com's chain by default, any other from the configuration. */
class PromotionWiringTest {

    @TempDir
    Path dir;

    private BotConfig load(String yaml) throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, yaml);
        return ConfigLoader.load(file, Map.of());
    }

    @Test
    void the_default_chain_is_gitlab_com_with_the_canaries_locking_their_environment() {
        PromotionChain chain = PromotionWiring.chain(BotConfig.defaults().deploy());

        assertThat(chain.describe()).isEqualTo("gstg-cny → gstg → gprd-cny → gprd");
        assertThat(chain.production().environment()).isEqualTo("gprd");
        assertThat(chain.step("gprd-cny").orElseThrow().production()).isTrue();
        assertThat(chain.step("gstg-cny").orElseThrow().pdmEnvironment()).contains(Environment.GSTG);
    }

    @Test
    void the_example_and_gitlab_com_configurations_hold_gitlab_com_chain() {
        for (String file : new String[] {"pdm-bot.example.yaml", "gitlab-com.yaml"}) {
            BotConfig config = ConfigLoader.load(Path.of("..", "config", file), Map.of("PDM_GITLAB_TOKEN", "t"));
            assertThat(PromotionWiring.chain(config.deploy()).describe()).as(file).isEqualTo("gstg-cny → gstg → gprd-cny → gprd");
        }
    }

    @Test
    void a_seed_style_chain_qa_staging_production_is_read_from_the_configuration() throws Exception {
        BotConfig config = load("""
                deploy:
                  chain:
                    - environment: qa
                    - environment: staging
                      pdm-environment: gstg
                    - environment: production
                      production: true
                      pdm-environment: gprd
                """);

        PromotionChain chain = PromotionWiring.chain(config.deploy());

        assertThat(chain.describe()).isEqualTo("qa → staging → production");
        assertThat(chain.production().environment()).isEqualTo("production");
        assertThat(chain.step("qa").orElseThrow().pdmEnvironment()).isEqualTo(Optional.empty());
        assertThat(chain.previous(chain.step("production").orElseThrow()).map(PromotionChain.Step::environment)).contains("staging");
    }

    @Test
    void a_chain_without_a_production_environment_is_refused_naming_the_key() {
        assertThatThrownBy(() -> load("deploy:\n  chain:\n    - environment: qa\n    - environment: staging\n"))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("production: true");
    }
}
