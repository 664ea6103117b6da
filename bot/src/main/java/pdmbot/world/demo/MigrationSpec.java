package pdmbot.world.demo;

import java.util.Objects;

/**
 * One demo post-deploy migration before it gets a version: its snake_case name, the schema it is restricted to
 * (null for none, meaning both databases), the merge request that brings it, and its body.
 */
record MigrationSpec(String name, String schema, boolean legacyHelper, String title, String description,
                     MigrationTemplates.Body body) {

    MigrationSpec {
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) throw new IllegalArgumentException("bad name " + name);
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(body, "body");
    }

    /** The Ruby file: header declarations, then the body. */
    String render(String className, String milestone) {
        return render(className, milestone, body);
    }

    String render(String className, String milestone, MigrationTemplates.Body content) {
        StringBuilder ruby = new StringBuilder("# frozen_string_literal: true\n\n");
        ruby.append("class ").append(className).append(" < Gitlab::Database::Migration[")
                .append(legacyHelper ? "2.1" : "2.2").append("]\n");
        int headerLines = 0;
        if (!legacyHelper) {
            ruby.append("  milestone '").append(milestone).append("'\n");
            headerLines++;
        }
        if (content.withoutTransaction()) {
            ruby.append("  disable_ddl_transaction!\n");
            headerLines++;
        }
        if (schema != null) {
            ruby.append("  restrict_gitlab_migration gitlab_schema: :").append(schema).append('\n');
            headerLines++;
        }
        if (headerLines > 0) ruby.append('\n');
        ruby.append(content.text());
        if (!content.text().endsWith("\n")) ruby.append('\n');
        return ruby.append("end\n").toString();
    }
}
