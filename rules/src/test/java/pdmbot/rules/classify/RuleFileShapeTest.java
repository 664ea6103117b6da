package pdmbot.rules.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Issue 11, item 9: results of classification.drl leave through its query; consequences only insert logically. */
class RuleFileShapeTest {

    private static final String DRL = Fixtures.text(RuleBook.BUILT_IN);

    private static List<String> consequences() {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\nthen\\n(.*?)\\nend\\n", Pattern.DOTALL).matcher(DRL);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void the_rule_file_has_no_globals() {
        assertThat(DRL).doesNotContainPattern("(?m)^\\s*global\\s");
    }

    @Test
    void every_consequence_only_inserts_logically() {
        List<String> consequences = consequences();
        assertThat(consequences).hasSizeGreaterThanOrEqualTo(RuleBook.builtIn().rules().get(RuleBook.BUILT_IN).size());
        assertThat(consequences).allSatisfy(c -> assertThat(c.strip().split(";\\s*"))
                .allSatisfy(statement -> assertThat(statement.strip()).startsWith("insertLogical(")));
    }

    @Test
    void conclusions_leave_through_the_conclusions_query() {
        assertThat(DRL).contains("query conclusions\n    $conclusion : Conclusion()\nend");
        Classification c = ClassificationRulesTest.classify("  restrict_gitlab_migration gitlab_schema: :gitlab_ci\n  def up\n    drop_table :t\n  end");
        assertThat(c.dominant()).isEqualTo(Nature.DDL_CLEANUP);
        assertThat(c.databases()).containsExactly(pdmbot.domain.LogicalDatabase.CI);
        assertThat(c.reasons()).extracting(Reason::rule).containsExactly("removing or renaming schema objects is ddl_cleanup");
    }
}
