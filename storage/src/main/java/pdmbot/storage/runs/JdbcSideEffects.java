package pdmbot.storage.runs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import pdmbot.storage.Jdbc;
import pdmbot.storage.StorageException;

/** The {@code side_effects} rows of {@link JdbcRunStore}: the primary key lets one claim per run and key win. */
final class JdbcSideEffects {

    private final Jdbc jdbc;
    private final Clock clock;

    JdbcSideEffects(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    EffectClaim claim(long runId, String key) {
        Instant now = now();
        int inserted = jdbc.update("claim " + key + " of run " + runId, "INSERT INTO side_effects (run_id, effect_key, state,"
                + " claimed_at) VALUES (?, ?, 'claimed', ?) ON CONFLICT DO NOTHING", s -> {
            s.setLong(1, runId);
            s.setString(2, key);
            Jdbc.setInstant(s, 3, now);
        });
        if (inserted == 1) return new EffectClaim.Claimed();
        SideEffect existing = effect(runId, key).orElseThrow(() ->
                new StorageException("the claim of " + key + " of run " + runId + " vanished; try again"));
        return existing.isDone() ? new EffectClaim.AlreadyDone(existing.result()) : new EffectClaim.Unfinished();
    }

    void effectDone(long runId, String key, String result) {
        Instant now = now();
        jdbc.update("mark " + key + " of run " + runId + " done", "UPDATE side_effects SET state = 'done', result = ?,"
                + " done_at = ? WHERE run_id = ? AND effect_key = ?", s -> {
            s.setString(1, result == null ? "" : result);
            Jdbc.setInstant(s, 2, now);
            s.setLong(3, runId);
            s.setString(4, key);
        });
    }

    void releaseClaim(long runId, String key) {
        jdbc.update("release " + key + " of run " + runId, "DELETE FROM side_effects WHERE run_id = ? AND effect_key = ?"
                + " AND state = 'claimed'", s -> {
            s.setLong(1, runId);
            s.setString(2, key);
        });
    }

    List<SideEffect> effects(long runId) {
        return jdbc.list("read the side effects of run " + runId, "SELECT run_id, effect_key, state, result, claimed_at, done_at"
                + " FROM side_effects WHERE run_id = ? ORDER BY claimed_at, effect_key", s -> s.setLong(1, runId),
                JdbcSideEffects::sideEffect);
    }

    private Optional<SideEffect> effect(long runId, String key) {
        return jdbc.first("read " + key + " of run " + runId, "SELECT run_id, effect_key, state, result, claimed_at, done_at"
                + " FROM side_effects WHERE run_id = ? AND effect_key = ?", s -> {
            s.setLong(1, runId);
            s.setString(2, key);
        }, JdbcSideEffects::sideEffect);
    }

    private static SideEffect sideEffect(ResultSet rs) throws SQLException {
        return new SideEffect(rs.getLong("run_id"), rs.getString("effect_key"), "done".equals(rs.getString("state")),
                rs.getString("result"), Jdbc.instant(rs, "claimed_at"), Jdbc.instant(rs, "done_at"));
    }
}
