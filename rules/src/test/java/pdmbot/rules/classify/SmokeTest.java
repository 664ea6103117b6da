package pdmbot.rules.classify;

import org.junit.jupiter.api.Test;
import java.nio.charset.StandardCharsets;
import static org.assertj.core.api.Assertions.assertThat;

class SmokeTest {
    @Test
    void smoke() {
        RuleBook book = RuleBook.builtIn();
        System.out.println(book.rules());
        Classifier c = new Classifier(book, TableSizes.defaults());
        String src = """
            # frozen_string_literal: true

            class AddIndexOnBuilds < Gitlab::Database::Migration[2.2]
              disable_ddl_transaction!
              restrict_gitlab_migration gitlab_schema: :gitlab_ci
              milestone '16.6'

              TABLE_NAME = :ci_builds
              INDEX_NAME = 'index_ci_builds_on_x'

              def up
                # add_concurrent_index :foo, :bar
                add_concurrent_index TABLE_NAME, :x, name: INDEX_NAME
                execute <<~SQL
                  UPDATE ci_builds SET x = 1 WHERE id = #{1}
                SQL
                add_concurrent_foreign_key :ci_builds, :projects, column: :project_id, validate: false
              end

              def down
                remove_concurrent_index_by_name TABLE_NAME, INDEX_NAME
              end
            end
            """;
        Classification r = c.classify("db/post_migrate/20231101120000_add_index_on_builds.rb", src.getBytes(StandardCharsets.UTF_8));
        System.out.println(r);
        assertThat(r.dominant()).isEqualTo(Nature.DML_INLINE);
    }
}
