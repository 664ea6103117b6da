package pdmbot.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.app.PdmBot;
import pdmbot.chat.ChatRequest;
import pdmbot.chat.Reply;
import pdmbot.config.BotConfig;
import pdmbot.testing.GitFixture;
import pdmbot.config.RulesConfig;
import pdmbot.config.WorldConfig;

/** 'migration explain', 'rules list' and 'rules reload' through the chat core, with stored classifications. */
class ClassificationCommandsTest {

    static final String SITE_RULE = """
            package pdmbot.rules.site;

            import pdmbot.rules.source.Call;
            import pdmbot.rules.classify.Reason;
            import pdmbot.rules.classify.Nature;

            rule "the site's purge helper is ddl_cleanup"
            when
                $c : Call( runs == true, method == "purge_legacy_tables" )
            then
                insertLogical( new Reason( drools.getRule().getName(), Nature.DDL_CLEANUP, $c.line(), "site helper" ) );
            end
            """;

    @TempDir
    Path temp;
    GitFixture repo;
    PdmBot bot;
    Path rulesFolder;

    @BeforeEach
    void start() throws Exception {
        rulesFolder = Files.createDirectories(temp.resolve("rules"));
        repo = GitFixture.init(temp.resolve("repo"));
        repo.write("db/post_migrate/20231101100000_finalize_backfill_notes_project_id.rb", """
                # frozen_string_literal: true

                class FinalizeBackfillNotesProjectId < Gitlab::Database::Migration[2.2]
                  milestone '16.6'
                  disable_ddl_transaction!
                  restrict_gitlab_migration gitlab_schema: :gitlab_main

                  def up
                    ensure_batched_background_migration_is_finished(
                      job_class_name: 'BackfillNotesProjectId',
                      table_name: :notes,
                      column_name: :id,
                      job_arguments: []
                    )
                    remove_column :notes, :legacy_project_id
                  end

                  def down
                    add_column :notes, :legacy_project_id, :bigint
                  end
                end
                """);
        repo.write("db/post_migrate/20231101110000_purge_legacy.rb", GitFixture.migration("PurgeLegacy", null, "purge_legacy_tables :x"));
        repo.write("db/post_migrate/20231101120000_broken_thing.rb", "class BrokenThing < Gitlab::Database::Migration[2.2]\n  def up\n    if x do\n  end\n");
        repo.tagPackage("16.6", "202311010100", repo.commit("Three migrations", "Ada Lovelace", 5));
        bot = startBot();
    }

    private PdmBot startBot() {
        BotConfig d = BotConfig.defaults();
        BotConfig config = d.withData(temp.resolve("data").toString())
                .withWorld(new WorldConfig("git", null, repo.root().toString(), null, null))
                .withRules(new RulesConfig(rulesFolder.toString(), null));
        return PdmBot.start(config, Map.of());
    }

    @AfterEach
    void stop() {
        bot.close();
        repo.close();
    }

    private Reply say(String user, String text) {
        return bot.core().handle(ChatRequest.of("console", user, text));
    }

    private Reply say(String text) {
        return say(System.getProperty("user.name", "local"), text);
    }

    @Test
    @DisplayName("'migration explain' gives every nature, the dominant one and each rule with its line")
    void explain_names_natures_rules_and_lines() {
        Reply reply = say("migration explain FinalizeBackfillNotesProjectId");
        assertThat(reply.isOk()).isTrue();
        assertThat(reply.plainText())
                .contains("nature:          *finalize_background*")
                .contains("finalize_background, ddl_cleanup")
                .contains("databases:       main")
                .contains("disabled (disable_ddl_transaction!)")
                .contains("milestone:       16.6")
                .containsPattern("finalize_background — rule \"[^\"]+\" at line 9")
                .containsPattern("ddl_cleanup — rule \"[^\"]+\" at line 15");
    }

    @Test
    void a_file_the_parser_cannot_read_is_unknown_and_says_where() {
        String text = say("migration explain 20231101120000").plainText();
        assertThat(text).contains("*unknown*").contains("The parser could not read everything:").contains("line ");
    }

    @Test
    void classifications_are_stored_and_reused_after_a_restart() throws Exception {
        say("migration explain 20231101100000");
        long rows = countClassifications();
        assertThat(rows).isEqualTo(1);
        bot.close();
        bot = startBot();
        assertThat(say("migration explain 20231101100000").plainText()).contains("*finalize_background*");
        assertThat(countClassifications()).isEqualTo(1);
    }

    private long countClassifications() throws Exception {
        try (var c = bot.database().dataSource().getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM classifications")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void rules_list_names_the_built_in_file_and_its_rules() {
        assertThat(say("rules list").plainText()).contains("classification.drl").contains("is finalize_background");
    }

    @Test
    void rules_reload_loads_a_site_rule_and_it_decides_from_then_on() throws Exception {
        assertThat(say("migration explain PurgeLegacy").plainText()).doesNotContain("*ddl_cleanup*");
        Files.writeString(rulesFolder.resolve("site.drl"), SITE_RULE);
        Reply reload = say("rules reload");
        assertThat(reload.isOk()).isTrue();
        assertThat(reload.plainText()).contains("site.drl");
        assertThat(say("migration explain PurgeLegacy").plainText()).contains("*ddl_cleanup*").contains("the site's purge helper is ddl_cleanup");
    }

    @Test
    void a_drl_that_does_not_compile_is_refused_with_file_and_line_and_the_old_rules_stay() throws Exception {
        Files.writeString(rulesFolder.resolve("broken.drl"), "package x;\n\nrule \"oops\"\nwhen\n    Call( method == )\nthen\nend\n");
        Reply reload = say("rules reload");
        assertThat(reload.outcome()).isEqualTo(Reply.Outcome.FAILED);
        assertThat(reload.plainText()).contains("previous rules are still in use").contains("broken.drl:");
        assertThat(say("migration explain FinalizeBackfillNotesProjectId").plainText()).contains("*finalize_background*");
    }

    @Test
    void only_release_managers_may_reload_rules() {
        Reply reply = say("someone-else", "rules reload");
        assertThat(reply.outcome()).isEqualTo(Reply.Outcome.REFUSED);
        assertThat(reply.plainText()).contains("is for release managers");
    }

    @Test
    void package_migrations_shows_the_nature_of_each() {
        String text = say("package migrations 16.6.202311010100").plainText();
        assertThat(List.of(text.split("\n"))).anySatisfy(l -> assertThat(l).contains("FinalizeBackfillNotesProjectId").contains("finalize_background"));
    }
}
