package pdmbot.rules.classify;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TableSizesTest {

    @Test
    void words_and_row_counts_decide_what_is_large() {
        TableSizes sizes = TableSizes.parse("# comment\nci_builds: large\n'notes': over_limit # inline\nsmall_one: small\nrows: 10_000_000\nfew: 9_999\nbroken line\n");
        assertThat(sizes.isLarge("ci_builds")).isTrue();
        assertThat(sizes.isLarge("notes")).isTrue();
        assertThat(sizes.isLarge("rows")).isTrue();
        assertThat(sizes.isLarge("small_one")).isFalse();
        assertThat(sizes.isLarge("few")).isFalse();
        assertThat(sizes.isLarge("unlisted")).isFalse();
    }

    @Test
    void default_sizes_ship_with_the_rules_and_call_ci_builds_large() {
        assertThat(TableSizes.defaults().isLarge("ci_builds")).isTrue();
        assertThat(TableSizes.defaults().isLarge("merge_requests")).isTrue();
    }

    @Test
    void null_or_garbage_text_gives_no_large_tables() {
        assertThat(TableSizes.parse(null).asMap()).isEmpty();
        TableSizes garbage = TableSizes.parse("\u0000\u0001:::\n:\n: large");
        assertThat(garbage.asMap().values()).noneMatch(v -> v.equals("large"));
    }

    /**
     * The classification fingerprint is made from {@code asMap()}'s text: a map whose iteration order changes from one
     * JVM to the next (Map.copyOf's is salted per JVM) gave every restart a new fingerprint, so every restart classified
     * every file again and stored it twice (found by the demo-on-emulator profiling, issue 12 item 8).
     */
    @Test
    void sizes_are_listed_in_table_order_so_every_process_renders_them_alike() {
        assertThat(List.copyOf(TableSizes.defaults().asMap().keySet())).hasSizeGreaterThan(5).isSorted();
        assertThat(TableSizes.parse("zeta: large\nalpha: small\nmid: large\nbeta: 5\nomega: 1\ngamma: large\n")
                .asMap().toString()).isEqualTo("{alpha=small, beta=5, gamma=large, mid=large, omega=1, zeta=large}");
    }
}
