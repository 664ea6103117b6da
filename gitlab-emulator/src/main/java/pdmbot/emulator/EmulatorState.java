package pdmbot.emulator;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the emulator remembers besides the git repositories, saved whole as {@code state.json}: the rows of
 * GitLab's tables that the PDM client meets. Rows are immutable records; a change replaces the row. Only the
 * emulator's single request lock touches it.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
final class EmulatorState {

    record User(long id, String username, String name, boolean admin) {
    }

    record Token(String value, long userId, List<String> scopes) {
    }

    record Group(long id, String fullPath, String name) {
    }

    /** {@code repository} is the git directory, relative to the data folder when inside it. */
    record Project(long id, String fullPath, String visibility, String defaultBranch, String repository) {
        boolean isPublic() {
            return "public".equals(visibility);
        }

        String name() {
            return fullPath.substring(fullPath.lastIndexOf('/') + 1);
        }
    }

    record Environment(long id, long projectId, String name, String slug, Instant createdAt, Instant updatedAt) {
    }

    record Deployment(long id, long iid, long projectId, long environmentId, String ref, String sha, boolean tag,
                      String status, long userId, Instant createdAt, Instant updatedAt, Instant finishedAt) {
        Deployment withStatus(String next, Instant at) {
            boolean finished = List.of("success", "failed", "canceled").contains(next);
            return new Deployment(id, iid, projectId, environmentId, ref, sha, tag, next, userId, createdAt, at,
                    finished ? at : finishedAt);
        }
    }

    /** The deployments release tooling recorded for a deploy pipeline, still running ({@link DeployerDeployments}). */
    record DeployTrack(long pipelineId, List<Long> deploymentIds) {
    }

    record Variable(String key, String value, String variableType) {
    }

    /**
     * A job of a pipeline; its status is derived from the pipeline's timeline, never stored. A bridge with a
     * downstream pipeline mirrors that pipeline ({@code strategy: depend}).
     */
    record Job(long id, String name, String stage, String kind, Long downstreamPipelineId) {
    }

    /** What a planned failure decided for one pipeline: the job that fails, the migration and the error. */
    record Failure(String job, String migration, String migrationName, String error) {
    }

    record Pipeline(long id, long iid, long projectId, String ref, String sha, boolean tag, String source, long userId,
                    Instant createdAt, List<Variable> variables, List<Job> jobs, Failure failure) {
    }

    /** A job a project's pipelines run, {@code $VARIABLE}s in the name replaced by the pipeline's variables. */
    record JobTemplate(String name, String stage, String kind, String downstreamProject) {
    }

    /** "The next pipeline of {@code project} whose variables include {@code variables} fails". */
    record PlannedFailure(long id, String project, Map<String, String> variables, String job, String migration,
                          String error) {
    }

    record Issue(long id, long iid, long projectId, String title, String description, String state,
                 List<String> labels, String issueType, long authorId, Instant createdAt, Instant updatedAt,
                 Instant closedAt) {
    }

    record Note(long id, long projectId, long issueIid, String body, long authorId, Instant createdAt) {
    }

    record MergeRequest(long id, long iid, long projectId, String title, String description, String state,
                        String sourceBranch, String targetBranch, String sha, String mergeCommitSha,
                        List<String> labels, long authorId, List<Long> approvedBy, int approvalsRequired,
                        Instant createdAt, Instant updatedAt, Instant mergedAt) {
        MergeRequest withLabels(List<String> next, Instant at) {
            return new MergeRequest(id, iid, projectId, title, description, state, sourceBranch, targetBranch, sha,
                    mergeCommitSha, next, authorId, approvedBy, approvalsRequired, createdAt, at, mergedAt);
        }
    }

    /** A label added to or removed from a merge request, by whom (lib/api/entities/resource_label_event.rb). */
    record LabelEvent(long id, long projectId, long mergeRequestId, long mergeRequestIid, long userId, String label,
                      String action, Instant createdAt) {
    }

    /** One row of an instance database's {@code schema_migrations} view: {@code up} ran, {@code down} pending. */
    record Migration(String database, String version, String name, String status) {
    }

    record BatchedMigration(long id, String database, String jobClassName, String tableName, String columnName,
                            String status, double progress, Instant createdAt) {
    }

    long nextId = 1000;
    final List<User> users = new ArrayList<>();
    final List<Token> tokens = new ArrayList<>();
    final List<Group> groups = new ArrayList<>();
    final List<Project> projects = new ArrayList<>();
    final List<Environment> environments = new ArrayList<>();
    final List<Deployment> deployments = new ArrayList<>();
    final List<Pipeline> pipelines = new ArrayList<>();
    final List<DeployTrack> deployTracks = new ArrayList<>();
    final Map<Long, List<JobTemplate>> jobTemplates = new TreeMap<>();
    final List<PlannedFailure> plannedFailures = new ArrayList<>();
    final List<Issue> issues = new ArrayList<>();
    final List<Note> notes = new ArrayList<>();
    final List<MergeRequest> mergeRequests = new ArrayList<>();
    final List<LabelEvent> labelEvents = new ArrayList<>();
    final List<Migration> migrations = new ArrayList<>();
    final List<BatchedMigration> batchedMigrations = new ArrayList<>();
    /** How far the emulator's clock was moved ahead of real time, kept across restarts. */
    long clockOffsetMillis;

    long nextId() {
        return ++nextId;
    }

    static <T> void replace(List<T> rows, T old, T next) {
        rows.set(rows.indexOf(old), next);
    }
}
