package pdmbot.adapters;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import pdmbot.chat.AuditTrail;
import pdmbot.chat.Block;
import pdmbot.chat.ChatCore;
import pdmbot.chat.Command;
import pdmbot.chat.CommandSpec;
import pdmbot.chat.HelpCommand;
import pdmbot.chat.Reply;
import pdmbot.chat.RoleDirectory;
import pdmbot.chat.Router;

/** A chat core with a command answering every block kind, and a migrated in-memory database, for adapter tests. */
public final class ChatFixtures {

    private ChatFixtures() {
    }

    /** A reply holding every block kind, as {@code pdm status} might answer. */
    public static Reply everyBlockKind() {
        return Reply.builder()
                .heading("Pending post-deploy migrations")
                .text("*2* pending on `gprd`; the window opens at 14:00 UTC.")
                .fields(List.of(new Block.Field("Environment", "gprd"), new Block.Field("Database", "main")))
                .table(List.of("Version", "Nature"), List.of(List.of("20240102030405", "index"), List.of("20240103000000", "dml")))
                .bullets(List.of("AddIndexFoo", "BackfillBar"))
                .buttons(List.of(Block.Button.of("Explain", "migration explain 20240102030405"),
                        new Block.Button("Execute", "pdm execute", Block.Button.Style.DANGER, "Run the PDM on gprd?")))
                .note("source: demo world")
                .build();
    }

    public static ChatCore core() {
        AtomicReference<Router> router = new AtomicReference<>();
        router.set(new Router(List.of(new HelpCommand(router::get), new Status(), new Whoami())));
        return new ChatCore(router.get(), RoleDirectory.configured(Map.of("slack", Set.of("U_RM"), "discord", Set.of("100"))),
                AuditTrail.NONE);
    }

    static final class Status implements Command {
        public CommandSpec spec() {
            return CommandSpec.command("pdm status").description("Pending migrations.").handledBy(invocation -> everyBlockKind());
        }
    }

    static final class Whoami implements Command {
        public CommandSpec spec() {
            return CommandSpec.command("whoami").description("Says who asked.").releaseManagersOnly()
                    .handledBy(invocation -> Reply.ok("you are " + invocation.request().userId() + " on "
                            + invocation.request().platform()));
        }
    }

    /** The core's interaction service on {@code db}, as the composition root ({@code PdmBot}) builds it. */
    public static pdmbot.chat.interaction.Interactions interactions(DataSource db) {
        java.time.Clock clock = java.time.Clock.systemUTC();
        pdmbot.storage.Stores stores = pdmbot.storage.Stores.on(db, clock);
        return new pdmbot.chat.interaction.Interactions(stores.chatEvents(), stores.chatButtons(),
                new pdmbot.chat.interaction.Dialogues(stores.dialogues(), clock), "test", clock);
    }

    public static DataSource migratedDatabase() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        Flyway.configure().dataSource(h2).load().migrate();
        return h2;
    }
}
