package pdmbot.world.local;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the demo's production looks like besides its packages, as stored in {@code operations.json}: running
 * deployments, incidents, change requests, the simulated pipelines, the db/gstg and db/gprd deployment records,
 * merge request labels and the failure to inject. Plain mutable fields for Jackson; only {@link LocalOperations}
 * touches them, under its lock.
 */
final class LocalOperationsState {

    public long nextId = 1;
    public List<Deploy> running = new ArrayList<>();
    public List<Issue> incidents = new ArrayList<>();
    public List<Issue> changeRequests = new ArrayList<>();
    public Map<String, Pipeline> pipelines = new LinkedHashMap<>();
    public List<Record> deployments = new ArrayList<>();
    public Map<String, List<String>> labels = new LinkedHashMap<>();
    public Map<String, List<String>> environments = new LinkedHashMap<>();
    /** Migration versions (or {@code qa}) whose next pipeline fails, in the order planned; each leaves once it has. */
    public List<String> failures = new ArrayList<>();
    /** The single planned failure of files written before {@link #failures}; moved there when read. */
    public String failNext;
    /** The error kind a planned migration failure fails with (statement-timeout when absent); see DemoErrors. */
    public Map<String, String> failureErrors = new LinkedHashMap<>();

    /** A deployment pipeline running on an environment. */
    static final class Deploy {
        public String environment;
        public String packageVersion;
        public String pipeline;
        public Instant startedAt;
    }

    /** An incident or a change request; {@code level} is the severity or the criticality. */
    static final class Issue {
        public String id;
        public String title;
        public int level;
        public boolean inProgress;
        public boolean blocking;
        public Instant openedAt;
    }

    /** Where a simulated pipeline is; written as GitLab's pipeline statuses. */
    enum PipelineState {
        @com.fasterxml.jackson.annotation.JsonProperty("running") RUNNING,
        @com.fasterxml.jackson.annotation.JsonProperty("success") SUCCESS,
        @com.fasterxml.jackson.annotation.JsonProperty("failed") FAILED
    }

    /** A simulated pipeline and the migrations it runs, in order. */
    static final class Pipeline {
        public String id;
        public String kind;
        public String environment;
        public String effectKey;
        public Instant startedAt;
        public List<String> plan = new ArrayList<>();
        public String failAt;
        public String failKind;
        public PipelineState state = PipelineState.RUNNING;
        public String failedVersion;
        public String error;
    }

    /** A deployment on db/gstg or db/gprd of one project. */
    static final class Record {
        public String id;
        public String project;
        public String environment;
        public String packageVersion;
        public String commitSha;
        public String status;
        public String effectKey;
    }
}
