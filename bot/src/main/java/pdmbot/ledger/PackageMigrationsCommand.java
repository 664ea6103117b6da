package pdmbot.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import pdmbot.chat.Command;
import pdmbot.chat.CommandSpec;
import pdmbot.chat.Invocation;
import pdmbot.chat.Reply;
import pdmbot.chat.Suggestions;
import pdmbot.domain.LogicalDatabase;
import pdmbot.domain.PackageVersion;
import pdmbot.domain.PostMigration;

/** {@code package migrations <version>}: the post-deploy migrations a package introduced. */
public final class PackageMigrationsCommand implements Command {

    static final String EXAMPLE_VERSION = "16.6.202311011200-0123456789a.0123456789b";
    private static final int SHOWN = 10;

    private final Ledger ledger;
    private final MigrationNatures natures;

    public PackageMigrationsCommand(Ledger ledger, MigrationNatures natures) {
        this.ledger = ledger;
        this.natures = natures;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.command("package migrations")
                .description("The post-deploy migrations an auto-deploy package introduced, with their nature.")
                .argument("version", "the package version")
                .example("package migrations 16.6.202311011140-a7493c93741.63367bf9fce")
                .example("package migrations 16.6.202311011140")
                .handledBy(this::migrations);
    }

    private Reply migrations(Invocation invocation) {
        String typed = invocation.argument("version");
        ledger.refresh();
        Optional<PackageVersion> version = resolve(typed);
        if (version.isEmpty()) return unknown(typed);
        List<PostMigration> migrations = ledger.store().introducedIn(version.get());
        Reply.Builder reply = Reply.builder().heading("Package " + version.get());
        if (migrations.isEmpty())
            return reply.text("It introduced no post-deploy migration.").build();
        List<List<String>> rows = new ArrayList<>();
        for (PostMigration m : migrations) {
            MigrationNatures.Summary summary = natures.of(m);
            rows.add(List.of(m.version(), m.className(), summary.nature(), LogicalDatabase.format(summary.databases())));
        }
        return reply.text("It introduced " + migrations.size() + " post-deploy migration" + (migrations.size() == 1 ? "" : "s") + ":")
                .table(List.of("version", "migration", "nature", "databases"), rows)
                .note("`migration explain <version>` says why each nature was decided.")
                .build();
    }

    private Optional<PackageVersion> resolve(String typed) {
        Optional<PackageVersion> parsed = PackageVersion.parse(typed);
        if (parsed.isPresent()) return ledger.store().hasPackage(parsed.get()) ? parsed : Optional.empty();
        if (!typed.matches("\\d+\\.\\d+\\.\\d{4,12}.*")) return Optional.empty();
        List<PackageVersion> matching = ledger.store().packages().stream().filter(p -> p.toString().startsWith(typed)).toList();
        return matching.size() == 1 ? Optional.of(matching.get(0)) : Optional.empty();
    }

    private Reply unknown(String typed) {
        List<PackageVersion> all = ledger.store().packages();
        if (PackageVersion.parse(typed).isEmpty() && !typed.matches("\\d+\\.\\d+\\.\\d{4,12}.*"))
            return Reply.refused("\"" + typed + "\" is not an auto-deploy package version; expected one like `"
                    + EXAMPLE_VERSION + "` (or a unique prefix such as `16.6.202311011200`).");
        List<String> prefixed = all.stream().map(Object::toString).filter(p -> p.startsWith(typed)).toList();
        if (prefixed.size() > 1) {
            Reply.Builder reply = Reply.builder(Reply.Outcome.REFUSED)
                    .text("\"" + typed + "\" matches " + prefixed.size() + " packages; say which:")
                    .bullets(prefixed.stream().limit(SHOWN).map(p -> "`" + p + "`").toList());
            if (prefixed.size() > SHOWN) reply.note("…and " + (prefixed.size() - SHOWN) + " more.");
            return reply.ephemeral().build();
        }
        List<String> close = Suggestions.closest(typed, all.stream().map(Object::toString).toList(), 2);
        String hint = close.isEmpty()
                ? all.isEmpty() ? " The ledger is empty." : " The newest package is `" + all.get(all.size() - 1) + "`."
                : " Did you mean " + String.join(" or ", close.stream().map(c -> "`" + c + "`").toList()) + "?";
        return Reply.refused("No package `" + typed + "` in the ledger." + hint);
    }
}
