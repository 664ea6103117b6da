package pdmbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import pdmbot.config.BotConfig;
import pdmbot.config.ConfigLoader;
import pdmbot.domain.PackageVersion;
import pdmbot.domain.PostMigration;
import pdmbot.run.MigrationLinks;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.MergeRequestRef;
import pdmbot.config.GitlabConfig;
import pdmbot.config.WorldConfig;

/** Which project the PDM diff links files in, from the configuration (issue 17 item 4). */
class DiffLinksConfigTest {

    static final AutoDeployPackage PKG = new AutoDeployPackage(
            PackageVersion.parse("16.7.202311090620-66b715d55af.d3f7b0a0e28").orElseThrow(), "66b715d55af" + "0".repeat(29), "x");
    static final PostMigration MIGRATION = PostMigration.fromPath(
            "db/post_migrate/20231107025611_remove_index_merge_requests_on_merge_jid.rb").orElseThrow();

    @Test
    void gitlab_com_links_files_in_the_security_project_where_packages_are_read_and_merge_requests_where_they_were_merged() {
        BotConfig config = ConfigLoader.load(Path.of("..", "config", "gitlab-com.yaml"),
                Map.of("PDM_WORLD_GITLAB_URL", "https://gitlab.example.com/", "PDM_WORLD_GITLAB_OPS_URL", "https://ops.example.com"));

        MigrationLinks links = RunWiring.links(config);

        assertThat(links.file(PKG, MIGRATION)).hasValue("https://gitlab.example.com/gitlab-org/security/gitlab/-/blob/"
                + PKG.commitSha() + "/db/post_migrate/20231107025611_remove_index_merge_requests_on_merge_jid.rb");
        assertThat(links.mergeRequest(new MergeRequestRef("gitlab-org/gitlab", 143012)))
                .hasValue("https://gitlab.example.com/gitlab-org/gitlab/-/merge_requests/143012");
    }

    @Test
    void code_tags_link_files_in_the_code_project() {
        BotConfig config = BotConfig.defaults().withWorld(new WorldConfig("gitlab", null, null, null,
                new GitlabConfig("https://git.example.org", "acme/shop", "acme/security/shop", "acme/production", null, null, 2,
                        null, null, null, null, null, null, null, null, "code-tags", null, null, null, null, null, null, null)));

        assertThat(RunWiring.links(config).file(PKG, MIGRATION)).hasValueSatisfying(
                url -> assertThat(url).startsWith("https://git.example.org/acme/shop/-/blob/"));
    }

    @Test
    void the_demo_world_has_no_web_pages_to_link_to() {
        assertThat(RunWiring.links(BotConfig.defaults())).isEqualTo(MigrationLinks.NONE);
        assertThat(MigrationLinks.NONE.file(PKG, MIGRATION)).isEqualTo(Optional.empty());
    }
}
