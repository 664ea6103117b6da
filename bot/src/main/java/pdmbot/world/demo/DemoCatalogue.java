package pdmbot.world.demo;

import static pdmbot.world.demo.MigrationTemplates.addConcurrentForeignKey;
import static pdmbot.world.demo.MigrationTemplates.addConcurrentIndex;
import static pdmbot.world.demo.MigrationTemplates.dropTable;
import static pdmbot.world.demo.RowMigrationTemplates.eachBatchDeleteAll;
import static pdmbot.world.demo.RowMigrationTemplates.eachBatchUpdateAll;
import static pdmbot.world.demo.RowMigrationTemplates.ensureFinished;
import static pdmbot.world.demo.RowMigrationTemplates.finalizeBackfill;
import static pdmbot.world.demo.TrickyMigrationTemplates.finalizeThenRemoveColumn;
import static pdmbot.world.demo.TrickyMigrationTemplates.findEachUpdate;
import static pdmbot.world.demo.TrickyMigrationTemplates.guardedSqlConstant;
import static pdmbot.world.demo.RowMigrationTemplates.heredocUpdate;
import static pdmbot.world.demo.MigrationTemplates.noop;
import static pdmbot.world.demo.TrickyMigrationTemplates.notValidCheckConstraint;
import static pdmbot.world.demo.MigrationTemplates.prepareAsyncForeignKeyValidation;
import static pdmbot.world.demo.MigrationTemplates.prepareAsyncIndex;
import static pdmbot.world.demo.MigrationTemplates.queueBackfill;
import static pdmbot.world.demo.TrickyMigrationTemplates.redisOnly;
import static pdmbot.world.demo.MigrationTemplates.removeColumn;
import static pdmbot.world.demo.MigrationTemplates.removeForeignKey;
import static pdmbot.world.demo.MigrationTemplates.removeIndexByName;
import static pdmbot.world.demo.TrickyMigrationTemplates.temporaryIndexThenQueue;
import static pdmbot.world.demo.RowMigrationTemplates.updateColumnInBatches;
import static pdmbot.world.demo.MigrationTemplates.validateForeignKey;
import static pdmbot.world.demo.MigrationTemplates.validateNotNull;

import java.util.ArrayList;
import java.util.List;

/** The post-deploy migrations the demo history adds, in the order their merge requests land. */
final class DemoCatalogue {

    /** Later turned into a no-op because it timed out. */
    static final String MODIFIED_LATER = "add_index_ci_builds_on_runner_id_and_status";
    /** Later reverted before it ran anywhere. */
    static final String REVERTED_LATER = "remove_merge_requests_merge_jid_column";

    private static final String CI = "gitlab_ci";
    private static final String MAIN = "gitlab_main";
    private static final String MAIN_CELL = "gitlab_main_cell";

    private final List<MigrationSpec> specs = new ArrayList<>();

    private DemoCatalogue() {
    }

    static List<MigrationSpec> migrations() {
        DemoCatalogue c = new DemoCatalogue();
        c.ci("queue_backfill_partition_id_ci_pipeline_variables", "Backfill partition_id on ci_pipeline_variables",
                queueBackfill("BackfillPartitionIdCiPipelineVariables", "ci_pipeline_variables", "id"));
        c.main("add_index_merge_requests_on_target_project_id_and_merged_at", "Index merge requests by target project and merge time",
                addConcurrentIndex("merge_requests", "[:target_project_id, :merged_at]",
                        "index_merge_requests_on_target_project_id_and_merged_at", null));
        c.main("remove_users_theme_id_legacy", "Drop the unused users.theme_id_legacy column",
                removeColumn("users", "theme_id_legacy", "integer"));
        c.ci("prepare_async_index_ci_job_artifacts_on_expire_at", "Prepare async index on ci_job_artifacts.expire_at",
                prepareAsyncIndex("ci_job_artifacts", "[:expire_at, :job_id]", "index_ci_job_artifacts_on_expire_at_and_job_id"));
        c.main("backfill_namespaces_shared_runners_enabled", "Enable shared runners on existing groups",
                updateColumnInBatches("namespaces", "shared_runners_enabled", "true", "Group"));
        c.both("no_op_reschedule_project_statistics", "Turn the project statistics reschedule into a no-op",
                noop("superseded by the batched background migration in 16.6"));
        c.ci(MODIFIED_LATER, "Index ci_builds by runner and status",
                addConcurrentIndex("ci_builds", "[:runner_id, :status]", "index_ci_builds_on_runner_id_and_status",
                        "status IN ('pending', 'running')"));
        c.main("queue_backfill_issues_namespace_id", "Backfill namespace_id on issues",
                queueBackfill("BackfillIssuesNamespaceId", "issues", "id"));
        c.ci("validate_fk_ci_builds_runner_id", "Validate the ci_builds runner foreign key",
                validateForeignKey("ci_builds", "runner_id", "fk_e4ef9c2f27"));
        c.main("remove_index_notes_on_line_code", "Remove the unused index on notes.line_code",
                removeIndexByName("notes", ":line_code", "index_notes_on_line_code"));
        c.main("reset_notes_confidential_for_commits", "Reset confidential flag on commit notes",
                eachBatchUpdateAll("Note", "notes", "noteable_type: 'Commit', confidential: nil", "confidential: false"));
        c.ci("drop_ci_build_trace_section_names", "Drop the ci_build_trace_section_names table",
                dropTable("ci_build_trace_section_names", """
                              t.references :project, null: false, index: false
                              t.string :name, null: false
                        """));
        c.main("add_fk_merge_request_diffs_merge_request_id", "Add a foreign key from merge_request_diffs to merge_requests",
                addConcurrentForeignKey("merge_request_diffs", "merge_requests", "merge_request_id"));
        c.ci("queue_backfill_ci_stages_partition_id", "Backfill partition_id on ci_stages",
                queueBackfill("BackfillCiStagesPartitionId", "ci_stages", "id"));
        c.main("update_draft_merge_requests_from_title", "Mark draft merge requests from their title",
                heredocUpdate("""
                        UPDATE merge_requests
                        SET draft = true
                        WHERE draft = false AND state_id = 1 AND title ILIKE 'draft:%'
                        """));
        c.legacy(null, "cleanup_orphaned_todos_schedule_no_op", "Make the orphaned todos cleanup a no-op",
                noop("the worker it scheduled was removed"));
        c.main("prepare_async_index_issues_on_project_id_and_due_date", "Prepare async index on issues due date",
                prepareAsyncIndex("issues", "[:project_id, :due_date, :id]", "index_issues_on_project_id_and_due_date_and_id"));
        c.ci("remove_ci_pipelines_lock_version_column", "Drop ci_pipelines.lock_version",
                removeColumn("ci_pipelines", "lock_version", "integer"));
        c.main("finalize_backfill_issues_namespace_id", "Finalize the issues namespace_id backfill",
                finalizeBackfill("BackfillIssuesNamespaceId", "issues", "id"));
        c.ci("add_index_ci_pipelines_on_project_id_and_created_at", "Index ci_pipelines by project and creation time",
                addConcurrentIndex("ci_pipelines", "[:project_id, :created_at]", "index_ci_pipelines_on_project_id_and_created_at", null));
        c.main("delete_orphaned_deployment_merge_requests", "Delete deployment merge requests without a deployment",
                eachBatchDeleteAll("DeploymentMergeRequest", "deployment_merge_requests", "deployment_id: nil"));
        c.ci("ensure_ci_pipeline_variables_partition_id_backfilled", "Ensure partition_id backfill on ci_pipeline_variables finished",
                ensureFinished("BackfillPartitionIdCiPipelineVariables", "ci_pipeline_variables", "id"));
        c.main("prepare_async_fk_validation_todos_note_id", "Prepare async validation of the todos note foreign key",
                prepareAsyncForeignKeyValidation("todos", "note_id", "fk_91d1f47b13"));
        c.main(MAIN_CELL, "remove_fk_events_target_projects", "Remove the events to projects foreign key",
                removeForeignKey("events", "projects", "target_project_id"));
        c.ci("steal_backfill_ci_stages_partition_id", "Steal remaining ci_stages partition_id jobs",
                ensureFinished("BackfillCiStagesPartitionId", "ci_stages", "id"));
        c.main("no_op_migrate_vulnerability_states", "Make the vulnerability states migration a no-op",
                noop("it failed on GitLab.com, see https://gitlab.com/gitlab-org/gitlab/-/issues/431120"));
        c.main("finalize_remove_merge_requests_old_state_column", "Finalize merge request state backfill and drop the old column",
                finalizeThenRemoveColumn("BackfillMergeRequestsStateId", "merge_requests", "state_old", "string"));
        c.main("queue_backfill_projects_organization_id", "Backfill organization_id on projects",
                queueBackfill("BackfillProjectsOrganizationId", "projects", "id"));
        c.ci("reset_ci_runners_contacted_at_for_gitlab_com", "Reset contacted_at of stale runners on GitLab.com",
                guardedSqlConstant("""
                        UPDATE ci_runners
                        SET contacted_at = NULL
                        WHERE contacted_at < NOW() - INTERVAL '1 year'
                        """));
        c.main("add_index_users_on_unconfirmed_email", "Index users by unconfirmed email",
                addConcurrentIndex("users", ":unconfirmed_email", "index_users_on_unconfirmed_email",
                        "unconfirmed_email IS NOT NULL"));
        c.ci("validate_not_null_ci_builds_partition_id", "Validate NOT NULL on ci_builds.partition_id",
                validateNotNull("ci_builds", "partition_id"));
        c.main(REVERTED_LATER, "Drop merge_requests.merge_jid",
                removeColumn("merge_requests", "merge_jid", "text"));
        c.ci("queue_backfill_ci_job_artifacts_file_final_path", "Backfill file_final_path on ci_job_artifacts",
                temporaryIndexThenQueue("BackfillCiJobArtifactsFileFinalPath", "ci_job_artifacts", "file_final_path",
                        "tmp_index_ci_job_artifacts_on_id_where_file_final_path_null"));
        c.main("backfill_projects_packages_enabled", "Enable packages on existing projects",
                updateColumnInBatches("projects", "packages_enabled", "true", "Project"));
        c.main("add_text_limit_to_issues_service_desk_reply_to", "Limit issues.service_desk_reply_to to 255 characters",
                notValidCheckConstraint("issues", "service_desk_reply_to", 255, "check_b2f8b2f2b6"));
        c.ci("remove_index_ci_builds_on_queued_at", "Remove the index on ci_builds.queued_at",
                removeIndexByName("ci_builds", ":queued_at", "index_ci_builds_on_queued_at"));
        c.both("no_op_populate_audit_events_streaming", "Make the audit events streaming migration a no-op",
                noop("the feature was removed before release"));
        c.main("finalize_backfill_projects_organization_id", "Finalize the projects organization_id backfill",
                finalizeBackfill("BackfillProjectsOrganizationId", "projects", "id"));
        c.both("clear_project_import_state_cache", "Clear the stale import state cache",
                redisOnly("gitlab:import_state:stale_projects"));
        c.ci("add_fk_ci_job_artifacts_job_id", "Add a foreign key from ci_job_artifacts to ci_builds",
                addConcurrentForeignKey("ci_job_artifacts", "ci_builds", "job_id"));
        c.main("set_namespace_settings_default_branch_protection", "Set default branch protection on namespace settings",
                findEachUpdate("NamespaceSetting", "namespace_settings", "default_branch_protection_defaults: {}",
                        "default_branch_protection_defaults: { allow_force_push: false }"));
        c.ci("queue_backfill_ci_builds_metadata_partition_id", "Backfill partition_id on ci_builds_metadata",
                queueBackfill("BackfillCiBuildsMetadataPartitionId", "ci_builds_metadata", "id"));
        c.main("drop_merge_request_context_commit_diff_files_tmp", "Drop the temporary context commit diff files table",
                dropTable("merge_request_context_commit_diff_files_tmp", """
                              t.bigint :merge_request_context_commit_id
                              t.text :new_path, null: false
                        """));
        c.ci("delete_stale_ci_pending_builds", "Delete pending builds of finished jobs",
                eachBatchDeleteAll("PendingBuild", "ci_pending_builds", "created_at: ...3.months.ago"));
        c.main("validate_fk_todos_note_id", "Validate the todos note foreign key",
                validateForeignKey("todos", "note_id", "fk_91d1f47b13"));
        c.ci("ensure_backfill_ci_job_artifacts_file_final_path", "Ensure file_final_path backfill finished",
                ensureFinished("BackfillCiJobArtifactsFileFinalPath", "ci_job_artifacts", "id"));
        c.main("remove_issues_tmp_epic_id_column", "Drop issues.tmp_epic_id",
                removeColumn("issues", "tmp_epic_id", "bigint"));
        c.main("reset_users_otp_backup_codes_for_deactivated", "Reset OTP backup codes of deactivated users",
                eachBatchUpdateAll("User", "users", "state: 'deactivated'", "otp_backup_codes: nil"));
        c.ci("no_op_sync_ci_runner_machines", "Make the runner machines sync a no-op",
                noop("replaced by a Sidekiq cron worker"));
        c.main("prepare_async_index_merge_requests_on_author_id_and_created_at", "Prepare async index on merge requests author",
                prepareAsyncIndex("merge_requests", "[:author_id, :created_at]",
                        "index_merge_requests_on_author_id_and_created_at"));
        c.ci("finalize_backfill_ci_builds_metadata_partition_id", "Finalize the ci_builds_metadata partition_id backfill",
                finalizeBackfill("BackfillCiBuildsMetadataPartitionId", "ci_builds_metadata", "id"));
        c.main("remove_index_merge_requests_on_merge_jid", "Remove the index on merge_requests.merge_jid",
                removeIndexByName("merge_requests", ":merge_jid", "index_merge_requests_on_merge_jid"));
        c.main("update_issues_work_item_type_for_incidents", "Set the work item type of incidents",
                heredocUpdate("""
                        UPDATE issues
                        SET work_item_type_id = 2
                        WHERE issue_type = 1 AND work_item_type_id IS NULL
                        """));
        c.main("queue_backfill_merge_request_diffs_project_id", "Backfill project_id on merge_request_diffs",
                queueBackfill("BackfillMergeRequestDiffsProjectId", "merge_request_diffs", "id"));
        c.ci("add_index_ci_builds_on_project_id_and_name_for_artifacts", "Index ci_builds by project and name",
                addConcurrentIndex("ci_builds", "[:project_id, :name]", "index_ci_builds_on_project_id_and_name_for_artifacts",
                        "type = 'Ci::Build'"));
        c.ci("remove_ci_runners_token_column", "Drop ci_runners.token",
                removeColumn("ci_runners", "token", "string"));
        c.both("no_op_remove_deprecated_feature_flags", "Make the feature flag removal a no-op",
                noop("flags are removed by the chatops command instead"));
        c.main("ensure_backfill_merge_request_diffs_project_id", "Ensure merge_request_diffs project_id backfill finished",
                ensureFinished("BackfillMergeRequestDiffsProjectId", "merge_request_diffs", "id"));
        c.legacy(MAIN, "finalize_backfill_user_details_fields", "Finalize the user details backfill",
                finalizeBackfill("BackfillUserDetailsFields", "users", "id"));
        c.main("add_index_merge_requests_on_source_branch_and_state", "Index merge requests by source branch",
                addConcurrentIndex("merge_requests", "[:source_project_id, :source_branch]",
                        "index_merge_requests_on_source_project_id_and_source_branch", "state_id = 1"));
        return List.copyOf(c.specs);
    }

    private void ci(String name, String title, MigrationTemplates.Body body) {
        add(CI, false, name, title, body);
    }

    private void main(String name, String title, MigrationTemplates.Body body) {
        add(MAIN, false, name, title, body);
    }

    private void main(String schema, String name, String title, MigrationTemplates.Body body) {
        add(schema, false, name, title, body);
    }

    private void both(String name, String title, MigrationTemplates.Body body) {
        add(null, false, name, title, body);
    }

    private void legacy(String schema, String name, String title, MigrationTemplates.Body body) {
        add(schema, true, name, title, body);
    }

    private void add(String schema, boolean legacy, String name, String title, MigrationTemplates.Body body) {
        String description = "Adds a post-deploy migration to " + title.substring(0, 1).toLowerCase() + title.substring(1)
                + ".\n\nIt runs after the application code that no longer needs the old schema is deployed.";
        specs.add(new MigrationSpec(name, schema, legacy, title, description, body));
    }
}
