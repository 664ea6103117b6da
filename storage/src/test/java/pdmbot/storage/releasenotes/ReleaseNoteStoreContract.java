package pdmbot.storage.releasenotes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import pdmbot.domain.PackageVersion;
import pdmbot.storage.Database;
import pdmbot.storage.testing.Race;
import pdmbot.storage.testing.StoreContract;

/** What every ReleaseNoteStore does, on H2 and on PostgreSQL. */
abstract class ReleaseNoteStoreContract extends StoreContract {

    static final PackageVersion P1 = PackageVersion.parse("16.6.202311010800-aaaaaaaaaa1.bbbbbbbbbb1").orElseThrow();
    static final PackageVersion P2 = PackageVersion.parse("16.6.202311011600-aaaaaaaaaa2.bbbbbbbbbb2").orElseThrow();

    private ReleaseNoteStore notes() {
        return stores().releaseNotes();
    }

    @Test
    void the_first_claim_for_a_package_wins_and_is_kept() {
        assertThat(notes().claim(P1, "2 post-deploy migrations")).isTrue();

        assertThat(notes().all()).containsExactly(new ReleaseNote(P1, START, "2 post-deploy migrations"));
    }

    @Test
    void a_second_claim_for_the_same_package_loses_and_keeps_the_first_body() {
        notes().claim(P1, "first");

        assertThat(notes().claim(P1, "second")).isFalse();
        assertThat(notes().all()).extracting(ReleaseNote::body).containsExactly("first");
    }

    @Test
    void notes_are_listed_oldest_first() {
        notes().claim(P2, "for p2");
        clock.advance(Duration.ofMinutes(3));
        notes().claim(P1, "for p1");

        assertThat(notes().all()).extracting(ReleaseNote::packageVersion).containsExactly(P2, P1);
    }

    @Test
    void two_instances_claiming_the_same_note_at_once_post_it_once() throws Exception {
        try (Database other = anotherInstance()) {
            ReleaseNoteStore theirs = other.stores().releaseNotes();

            List<Boolean> claims = Race.run(() -> notes().claim(P1, "from a"), () -> theirs.claim(P1, "from b"));

            assertThat(claims).containsExactlyInAnyOrder(true, false);
            assertThat(notes().all()).hasSize(1);
        }
    }
}
