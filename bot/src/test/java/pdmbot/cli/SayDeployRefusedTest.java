package pdmbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.run.DemoTemplate;

/** Issue 16: {@code say "deploy <non-descendant sha> to gprd"} exits 1 and names the production commits it lacks. */
class SayDeployRefusedTest {

    @TempDir
    Path temp;

    @Test
    void deploying_the_diverged_hotfix_to_gprd_exits_1_naming_the_missing_commits() throws Exception {
        Path data = DemoTemplate.copyInto(temp.resolve("data"));
        String sha;
        try (Git git = Git.open(DemoTemplate.canonicalRepository(data).toFile())) {
            sha = git.getRepository().resolve("refs/heads/hotfix/api-cache-warmer").name();
        }
        try (CapturedRun run = new CapturedRun()) {
            int exit = run.run("--data", data.toString(), "say", "deploy " + sha + " to gprd");

            assertThat(exit).isEqualTo(1);
            assertThat(run.out()).contains("Deploy of commit `" + sha.substring(0, 11) + "` to gprd refused",
                    "does not descend from", "Production has 5 commits the candidate lacks",
                    "Add namespace_storage_limit feature flag", "Set the work item type of incidents",
                    "Remove the index on merge_requests.merge_jid");
        }
    }
}
