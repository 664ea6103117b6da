package pdmbot.storage.schedule;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import pdmbot.domain.Environment;
import pdmbot.storage.Jdbc;
import pdmbot.storage.StorageException;

/** Offers on plain JDBC: the unique (environment, nature, window_end) is the claim; decisions are conditional updates. */
public final class JdbcOfferStore implements OfferStore {

    private static final String COLUMNS = "id, environment, nature, window_start, window_end, kind, state, versions,"
            + " dialogue_id, decided_by, run_id, outcome, created_at, decided_at";

    private final Jdbc jdbc;
    private final Clock clock;

    public JdbcOfferStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<Offer> claim(Environment environment, String nature, Instant windowStart, Instant windowEnd,
                                 Offer.Kind kind, Offer.State state, List<String> versions) {
        return jdbc.run("claim the " + nature + " window on " + environment + " at " + windowStart, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO schedule_offers (environment, nature, window_start,"
                    + " window_end, kind, state, versions, outcome, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, '', ?)",
                    new String[] {"id"})) {
                s.setString(1, environment.id());
                s.setString(2, nature);
                Jdbc.setInstant(s, 3, micros(windowStart));
                Jdbc.setInstant(s, 4, micros(windowEnd));
                s.setString(5, kind.name());
                s.setString(6, state.name());
                s.setString(7, String.join(" ", versions));
                Jdbc.setInstant(s, 8, micros(clock.instant()));
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    if (!keys.next()) throw new SQLException("no id generated for the new offer");
                    long id = keys.getLong(1);
                    return Jdbc.first(c, "SELECT " + COLUMNS + " FROM schedule_offers WHERE id = ?", q -> q.setLong(1, id),
                            JdbcOfferStore::row);
                }
            } catch (SQLException e) {
                if (Jdbc.isUniqueViolation(e)) return Optional.empty();
                throw e;
            }
        });
    }

    @Override
    public void attachDialogue(long id, String dialogueId) {
        jdbc.update("attach a dialogue to offer " + id, "UPDATE schedule_offers SET dialogue_id = ? WHERE id = ?", s -> {
            s.setString(1, dialogueId);
            s.setLong(2, id);
        });
    }

    @Override
    public Optional<Offer> find(long id) {
        return jdbc.first("read offer " + id, "SELECT " + COLUMNS + " FROM schedule_offers WHERE id = ?",
                s -> s.setLong(1, id), JdbcOfferStore::row);
    }

    @Override
    public boolean decide(long id, Offer.State from, Offer.State to, String by, Optional<Long> runId, String outcome) {
        return jdbc.update("decide offer " + id, "UPDATE schedule_offers SET state = ?, decided_by = ?, run_id = ?,"
                + " outcome = ?, decided_at = ? WHERE id = ? AND state = ?", s -> {
                    s.setString(1, to.name());
                    s.setString(2, by);
                    if (runId.isPresent()) s.setLong(3, runId.get());
                    else s.setNull(3, java.sql.Types.BIGINT);
                    s.setString(4, outcome == null ? "" : outcome.length() > 2000 ? outcome.substring(0, 1999) + "…" : outcome);
                    Jdbc.setInstant(s, 5, micros(clock.instant()));
                    s.setLong(6, id);
                    s.setString(7, from.name());
                }) == 1;
    }

    @Override
    public List<Offer> openEndedBy(Instant now) {
        return jdbc.list("list the open offers whose window ended", "SELECT " + COLUMNS + " FROM schedule_offers"
                + " WHERE state = 'OPEN' AND window_end <= ? ORDER BY window_start, id", s -> Jdbc.setInstant(s, 1, now),
                JdbcOfferStore::row);
    }

    @Override
    public List<Offer> all() {
        return jdbc.list("list the offers", "SELECT " + COLUMNS + " FROM schedule_offers ORDER BY window_start DESC, id DESC",
                Jdbc.none(), JdbcOfferStore::row);
    }

    private static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    private static Offer row(ResultSet rs) throws SQLException {
        Environment environment = Environment.byId(rs.getString("environment"))
                .orElseThrow(() -> new StorageException("schedule_offers holds an unknown environment"));
        String versions = rs.getString("versions");
        long run = rs.getLong("run_id");
        Optional<Long> runId = rs.wasNull() ? Optional.empty() : Optional.of(run);
        return new Offer(rs.getLong("id"), environment, rs.getString("nature"), Jdbc.instant(rs, "window_start"),
                Jdbc.instant(rs, "window_end"), Offer.Kind.valueOf(rs.getString("kind")), Offer.State.valueOf(rs.getString("state")),
                versions.isBlank() ? List.of() : Arrays.asList(versions.split(" ")), Optional.ofNullable(rs.getString("dialogue_id")),
                Optional.ofNullable(rs.getString("decided_by")), runId, rs.getString("outcome"), Jdbc.instant(rs, "created_at"),
                Optional.ofNullable(Jdbc.instant(rs, "decided_at")));
    }
}
