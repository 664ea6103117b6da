package pdmbot.world.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.api.RebaseResult;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.world.Ancestry;

/**
 * The descendant-of-production guard's ancestry on a real JGit history (issue 16): a merge, a diverged branch and a
 * rebase. History: A ← B ← M (merge of B and F1, F1 on A); D1 diverges from A; R1 on A is rebased onto M as R1'.
 */
class GitAncestryTest {

    @TempDir
    Path root;

    private Git git;
    private GitPackageSource source;
    private Ancestry ancestry;
    private Instant clock = Instant.parse("2023-11-01T10:00:00Z");
    private RevCommit a, b, f1, m, d1, r1, r1Rebased;

    @BeforeEach
    void history() throws Exception {
        git = Git.init().setDirectory(root.toFile()).setInitialBranch("master").call();
        a = commit("app.rb", "A", "Initial commit");
        b = commit("b.rb", "B", "Add b");
        git.checkout().setCreateBranch(true).setName("feature").setStartPoint(a).call();
        f1 = commit("f.rb", "F1", "Add feature f");
        git.checkout().setName("master").call();
        git.merge().include(f1).setFastForward(MergeCommand.FastForwardMode.NO_FF).setCommit(true)
                .setMessage("Merge branch 'feature'").call();
        m = git.getRepository().parseCommit(git.getRepository().resolve("master"));
        git.checkout().setCreateBranch(true).setName("diverged").setStartPoint(a).call();
        d1 = commit("hotfix.rb", "D1", "Hotfix cut from an old commit");
        git.checkout().setCreateBranch(true).setName("topic").setStartPoint(a).call();
        r1 = commit("r.rb", "R1", "Add r");
        RebaseResult rebased = git.rebase().setUpstream(m).call();
        assertThat(rebased.getStatus().isSuccessful()).isTrue();
        r1Rebased = git.getRepository().parseCommit(git.getRepository().resolve("topic"));
        source = GitPackageSource.open(root);
        ancestry = source.ancestry();
    }

    @AfterEach
    void close() {
        source.close();
        git.close();
    }

    private RevCommit commit(String path, String content, String title) throws Exception {
        Files.writeString(root.resolve(path), content);
        git.add().addFilepattern(path).call();
        clock = clock.plusSeconds(3600);
        PersonIdent who = new PersonIdent("Dana Kowalski", "dkowalski@example.com", clock, ZoneOffset.UTC);
        return git.commit().setMessage(title).setAuthor(who).setCommitter(who).setSign(false).call();
    }

    @Test
    void a_merge_descends_from_both_of_its_parents_and_the_merge_base_is_the_parent() {
        assertThat(m.getParentCount()).isEqualTo(2);
        assertThat(ancestry.descends(m.name(), b.name())).isTrue();
        assertThat(ancestry.descends(m.name(), f1.name())).isTrue();
        assertThat(ancestry.mergeBase(m.name(), f1.name())).contains(f1.name());
    }

    @Test
    void a_commit_is_its_own_descendant() {
        assertThat(ancestry.descends(m.name(), m.name())).isTrue();
    }

    @Test
    void the_parents_of_a_merge_do_not_descend_from_it() {
        assertThat(ancestry.descends(b.name(), m.name())).isFalse();
        assertThat(ancestry.mergeBase(f1.name(), b.name())).contains(a.name());
    }

    @Test
    void a_diverged_branch_does_not_descend_and_lacks_the_production_commits_newest_first() {
        assertThat(ancestry.descends(d1.name(), m.name())).isFalse();
        assertThat(ancestry.mergeBase(d1.name(), m.name())).contains(a.name());

        Ancestry.Missing missing = ancestry.missing(d1.name(), m.name(), 10);

        assertThat(missing.total()).isEqualTo(3);
        assertThat(missing.commits()).extracting(Ancestry.TitledCommit::title)
                .containsExactly("Merge branch 'feature'", "Add feature f", "Add b");
        assertThat(missing.commits().get(0).sha()).isEqualTo(m.name());
    }

    @Test
    void missing_commits_stop_at_the_limit_but_count_them_all() {
        Ancestry.Missing missing = ancestry.missing(d1.name(), m.name(), 2);

        assertThat(missing.commits()).hasSize(2);
        assertThat(missing.total()).isEqualTo(3);
    }

    @Test
    void a_rebased_commit_descends_from_its_new_base_but_the_original_does_not() {
        assertThat(r1Rebased).isNotEqualTo(r1);
        assertThat(ancestry.descends(r1Rebased.name(), m.name())).isTrue();
        assertThat(ancestry.descends(r1.name(), m.name())).isFalse();
        assertThat(ancestry.mergeBase(r1.name(), r1Rebased.name())).contains(a.name());
        assertThat(ancestry.missing(r1Rebased.name(), m.name(), 10).total()).isZero();
    }

    @Test
    void commits_without_shared_history_have_no_merge_base() throws Exception {
        git.checkout().setOrphan(true).setName("unrelated").call();
        git.rm().addFilepattern(".").call();
        RevCommit orphan = commit("other.rb", "O", "Unrelated root");

        assertThat(ancestry.mergeBase(orphan.name(), m.name())).isEmpty();
        assertThat(ancestry.descends(orphan.name(), m.name())).isFalse();
        assertThat(ObjectId.fromString(orphan.name())).isNotNull();
    }
}
