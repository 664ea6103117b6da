package pdmbot.rules.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 9: classification.drl keeps one list per helper family, and every rule about a family uses it
 * (before, the large-table rule had its own, shorter copies of the index, validation and constraint lists).
 */
class HelperFamiliesTest {

    static final List<String> BUILDS_INDEX = List.of("add_concurrent_index", "add_concurrent_partitioned_index", "add_index",
            "add_concurrent_index_by_name", "swap_primary_key", "replace_sql_function", "change_column_null",
            "convert_table_to_first_list_partition", "prepare_constraint_for_list_partitioning");
    static final List<String> VALIDATES_CONSTRAINT = List.of("validate_foreign_key", "validate_check_constraint",
            "validate_not_null_constraint", "validate_multi_column_not_null_constraint", "validate_text_limit",
            "validate_partitioned_foreign_key");
    static final List<String> ADDS_CONSTRAINT = List.of("add_concurrent_foreign_key", "add_concurrent_partitioned_foreign_key",
            "add_foreign_key", "add_not_null_constraint", "add_check_constraint", "add_text_limit",
            "add_multi_column_not_null_constraint");

    private static final String LARGE = "index or foreign key on a large table is large_index_or_fk";

    /** Each {@code function boolean name(String method)} of the rule file with the helper names of its cases. */
    private static Map<String, List<String>> familiesInTheRuleFile() {
        String drl = Fixtures.text(RuleBook.BUILT_IN);
        Map<String, List<String>> families = new LinkedHashMap<>();
        Matcher function = Pattern.compile("function boolean (\\w+)\\(String method\\) \\{(.*?)\\n}", Pattern.DOTALL).matcher(drl);
        while (function.find()) {
            List<String> names = new ArrayList<>();
            Matcher label = Pattern.compile("case \"([^\"]+)\":").matcher(function.group(2));
            while (label.find()) names.add(label.group(1));
            families.put(function.group(1), names);
        }
        return families;
    }

    private static List<String> rulesFor(String call) {
        return ClassificationRulesTest.classify("  def up\n    " + call + "\n  end").reasons().stream().map(Reason::rule).toList();
    }

    @Test
    @DisplayName("the rule file has exactly three helper families, each with the pinned list")
    void each_family_has_one_pinned_list_in_the_rule_file() {
        assertThat(familiesInTheRuleFile()).containsExactly(
                Map.entry("buildsIndex", BUILDS_INDEX),
                Map.entry("validatesConstraint", VALIDATES_CONSTRAINT),
                Map.entry("addsConstraint", ADDS_CONSTRAINT));
    }

    @Test
    void no_rule_spells_out_a_family_member_in_a_list_of_its_own() {
        String drl = Fixtures.text(RuleBook.BUILT_IN);
        String rules = drl.substring(drl.indexOf("// ---------------------------------------------------------------- outputs"));
        List<String> all = new ArrayList<>(BUILDS_INDEX);
        all.addAll(VALIDATES_CONSTRAINT);
        all.addAll(ADDS_CONSTRAINT);
        assertThat(all).allSatisfy(helper -> assertThat(rules).doesNotContain("\"" + helper + "\""));
    }

    @Test
    void every_index_builder_is_large_index_or_fk_and_on_a_large_table_says_so() {
        assertThat(BUILDS_INDEX).allSatisfy(helper -> assertThat(rulesFor(helper + " :ci_builds, :c")).as(helper)
                .contains("building an index is large_index_or_fk", LARGE));
    }

    @Test
    void every_validator_is_large_index_or_fk_and_on_a_large_table_says_so() {
        assertThat(VALIDATES_CONSTRAINT).allSatisfy(helper -> assertThat(rulesFor(helper + " :ci_builds, :c")).as(helper)
                .contains("validating a foreign key or constraint is large_index_or_fk", LARGE));
    }

    @Test
    void every_constraint_adder_validates_unless_told_not_to_and_the_same_list_decides_both_ways() {
        assertThat(ADDS_CONSTRAINT).allSatisfy(helper -> {
            assertThat(rulesFor(helper + " :ci_builds, :c")).as(helper)
                    .contains("a constraint or foreign key added without validate false is large_index_or_fk", LARGE)
                    .doesNotContain("a NOT VALID constraint is unknown light additive DDL");
            assertThat(rulesFor(helper + " :ci_builds, :c, validate: false")).as(helper + " validate: false")
                    .contains("a NOT VALID constraint is unknown light additive DDL")
                    .doesNotContain("a constraint or foreign key added without validate false is large_index_or_fk", LARGE);
        });
    }
}
