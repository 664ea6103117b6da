package pdmbot.storage.promotions;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import pdmbot.storage.Jdbc;
import pdmbot.storage.StorageException;
import pdmbot.storage.runs.EffectClaim;

/**
 * Promotions on plain JDBC: the unique index on {@code (environment, active_slot)} makes starting one atomic, the
 * {@code state = 'deploying'} condition makes ending one happen once, the primary key of {@code promotion_effects}
 * makes each side effect's claim win once.
 */
public final class JdbcPromotionStore implements PromotionStore {

    private static final String COLUMNS = "id, environment, candidate, sha, requested_by, state, is_rollback,"
            + " override_reason, pipeline_id, pipeline_url, started_at, finished_at, outcome";
    /** Each attempt inserts or meets the deploying one; only one ending in between makes us try again. */
    private static final int ATTEMPTS = 5;

    private final Jdbc jdbc;
    private final Clock clock;

    public JdbcPromotionStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public PromotionStart start(PromotionRequest r) {
        String action = "start the promotion of " + r.candidate() + " to " + r.environment();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Instant now = now();
            Optional<Long> id = jdbc.run(action, c -> {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO promotions (environment, candidate, sha,"
                        + " requested_by, state, active_slot, is_rollback, override_reason, started_at)"
                        + " VALUES (?, ?, ?, ?, 'deploying', 1, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                    s.setString(1, r.environment());
                    s.setString(2, r.candidate());
                    s.setString(3, r.sha());
                    s.setString(4, r.requestedBy());
                    s.setBoolean(5, r.rollback());
                    s.setString(6, r.overrideReason().orElse(null));
                    Jdbc.setInstant(s, 7, now);
                    s.executeUpdate();
                    try (ResultSet keys = s.getGeneratedKeys()) {
                        if (!keys.next()) throw new SQLException("the database gave no id for the new promotion");
                        return Optional.of(keys.getLong(1));
                    }
                } catch (SQLException e) {
                    if (Jdbc.isUniqueViolation(e)) return Optional.empty();
                    throw e;
                }
            });
            if (id.isPresent()) return new PromotionStart.Started(promotion(id.get()).orElseThrow(() ->
                    new StorageException("promotion " + id.get() + " vanished right after it was recorded")));
            Optional<Promotion> existing = deployingTo(r.environment());
            if (existing.isPresent()) return new PromotionStart.AlreadyDeploying(existing.get());
        }
        throw new StorageException("unable to start a promotion to " + r.environment()
                + ": the promotion deploying there kept changing, try again");
    }

    private Optional<Promotion> deployingTo(String environment) {
        return jdbc.first("read the promotion deploying to " + environment, "SELECT " + COLUMNS
                + " FROM promotions WHERE environment = ? AND active_slot = 1", s -> s.setString(1, environment),
                JdbcPromotionStore::promotion);
    }

    @Override
    public void pipelineStarted(long id, String pipelineId, String pipelineUrl) {
        jdbc.update("record the pipeline of promotion " + id, "UPDATE promotions SET pipeline_id = ?, pipeline_url = ?"
                + " WHERE id = ?", s -> {
            s.setString(1, pipelineId);
            s.setString(2, pipelineUrl);
            s.setLong(3, id);
        });
    }

    @Override
    public boolean finish(long id, PromotionState state, String outcome) {
        if (state == PromotionState.DEPLOYING) throw new IllegalArgumentException("a promotion ends succeeded or failed");
        Instant now = now();
        return jdbc.update("end promotion " + id, "UPDATE promotions SET state = ?, active_slot = NULL, finished_at = ?,"
                + " outcome = ? WHERE id = ? AND state = 'deploying'", s -> {
            s.setString(1, state.id());
            Jdbc.setInstant(s, 2, now);
            s.setString(3, outcome);
            s.setLong(4, id);
        }) == 1;
    }

    @Override
    public Optional<Promotion> promotion(long id) {
        return jdbc.first("read promotion " + id, "SELECT " + COLUMNS + " FROM promotions WHERE id = ?",
                s -> s.setLong(1, id), JdbcPromotionStore::promotion);
    }

    @Override
    public List<Promotion> deploying() {
        return jdbc.list("list the promotions deploying", "SELECT " + COLUMNS + " FROM promotions WHERE active_slot = 1"
                + " ORDER BY id", Jdbc.none(), JdbcPromotionStore::promotion);
    }

    @Override
    public List<Promotion> recent(int limit) {
        return jdbc.list("list the newest promotions", "SELECT " + COLUMNS + " FROM promotions ORDER BY id DESC"
                + " LIMIT ?", s -> s.setInt(1, limit), JdbcPromotionStore::promotion);
    }

    @Override
    public Optional<Promotion> lastSucceeded(String environment) {
        return jdbc.first("read the last promotion to " + environment, "SELECT " + COLUMNS + " FROM promotions"
                + " WHERE environment = ? AND state = 'succeeded' ORDER BY id DESC", s -> s.setString(1, environment),
                JdbcPromotionStore::promotion);
    }

    @Override
    public EffectClaim claim(long promotionId, String key) {
        Instant now = now();
        int inserted = jdbc.update("claim " + key + " of promotion " + promotionId, "INSERT INTO promotion_effects"
                + " (promotion_id, effect_key, state, claimed_at) VALUES (?, ?, 'claimed', ?) ON CONFLICT DO NOTHING", s -> {
            s.setLong(1, promotionId);
            s.setString(2, key);
            Jdbc.setInstant(s, 3, now);
        });
        if (inserted == 1) return new EffectClaim.Claimed();
        record Row(boolean done, String result) {
        }
        Row existing = jdbc.first("read " + key + " of promotion " + promotionId, "SELECT state, result FROM"
                + " promotion_effects WHERE promotion_id = ? AND effect_key = ?", s -> {
            s.setLong(1, promotionId);
            s.setString(2, key);
        }, rs -> new Row("done".equals(rs.getString("state")), rs.getString("result"))).orElseThrow(() ->
                new StorageException("the claim of " + key + " of promotion " + promotionId + " vanished; try again"));
        return existing.done() ? new EffectClaim.AlreadyDone(existing.result() == null ? "" : existing.result())
                : new EffectClaim.Unfinished();
    }

    @Override
    public void effectDone(long promotionId, String key, String result) {
        Instant now = now();
        jdbc.update("mark " + key + " of promotion " + promotionId + " done", "UPDATE promotion_effects SET state = 'done',"
                + " result = ?, done_at = ? WHERE promotion_id = ? AND effect_key = ?", s -> {
            s.setString(1, result == null ? "" : result);
            Jdbc.setInstant(s, 2, now);
            s.setLong(3, promotionId);
            s.setString(4, key);
        });
    }

    @Override
    public void releaseClaim(long promotionId, String key) {
        jdbc.update("release " + key + " of promotion " + promotionId, "DELETE FROM promotion_effects"
                + " WHERE promotion_id = ? AND effect_key = ? AND state = 'claimed'", s -> {
            s.setLong(1, promotionId);
            s.setString(2, key);
        });
    }

    private static Promotion promotion(ResultSet rs) throws SQLException {
        return new Promotion(rs.getLong("id"), rs.getString("environment"), rs.getString("candidate"), rs.getString("sha"),
                rs.getString("requested_by"), PromotionState.of(rs.getString("state")), rs.getBoolean("is_rollback"),
                Optional.ofNullable(rs.getString("override_reason")), Optional.ofNullable(rs.getString("pipeline_id")),
                Optional.ofNullable(rs.getString("pipeline_url")), Jdbc.instant(rs, "started_at"),
                Optional.ofNullable(Jdbc.instant(rs, "finished_at")), Optional.ofNullable(rs.getString("outcome")));
    }
}
