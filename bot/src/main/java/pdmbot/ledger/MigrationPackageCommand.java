package pdmbot.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import pdmbot.chat.Block;
import pdmbot.chat.Command;
import pdmbot.chat.CommandSpec;
import pdmbot.chat.Invocation;
import pdmbot.chat.Reply;
import pdmbot.domain.PackageVersion;
import pdmbot.domain.PostMigration;
import pdmbot.storage.ledger.LedgerChange;
import pdmbot.storage.ledger.LedgerEntry;
import pdmbot.world.CommitInfo;
import pdmbot.world.Lookup;

/** {@code migration package <ref>}: the package that introduced a migration, its commit, MR and author. */
public final class MigrationPackageCommand implements Command {

    private final Ledger ledger;

    public MigrationPackageCommand(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.command("migration package")
                .description("Which package introduced a post-deploy migration, its merge request and author, and later changes.")
                .argument("ref", Ledger.REF)
                .example("migration package 20231030083236")
                .example("migration package RemoveUsersThemeIdLegacy")
                .handledBy(this::introducedBy);
    }

    private Reply introducedBy(Invocation invocation) {
        Lookup<PostMigration> lookup = ledger.lookUp(invocation.argument("ref"));
        if (lookup.found().isEmpty()) return LookupReplies.migrationRefusal(lookup);
        PostMigration migration = lookup.found().get();
        List<LedgerEntry> changes = ledger.store().changesOf(migration.version());
        Optional<LedgerEntry> added = changes.stream().filter(c -> c.kind() == LedgerChange.Kind.ADDED).findFirst();
        Reply.Builder reply = Reply.builder().heading(migration.className() + " (" + migration.version() + ")");
        List<Block.Field> fields = new ArrayList<>();
        fields.add(new Block.Field("file", "`" + migration.path() + "`"));
        if (added.isEmpty()) {
            fields.add(new Block.Field("introduced by", "unknown: the ledger has no package adding it"));
            return reply.fields(fields).build();
        }
        PackageVersion pkg = added.get().packageVersion();
        fields.add(new Block.Field("introduced by", "`" + pkg + "` (milestone " + pkg.milestone() + ", built "
                + Times.utc(pkg.builtAt()) + ")"));
        Optional<CommitInfo> commit = Optional.ofNullable(added.get().commitSha()).flatMap(ledger.world().packages()::commit);
        if (commit.isPresent()) {
            CommitInfo c = commit.get();
            fields.add(new Block.Field("commit", "`" + c.shortSha() + "` " + c.title()));
            fields.add(new Block.Field("author", c.authorName() + " <" + c.authorEmail() + ">"));
            fields.add(new Block.Field("merge request", c.mergeRequest().map(Object::toString)
                    .orElse("none named in the commit message")));
        } else if (added.get().commitSha() != null) {
            fields.add(new Block.Field("commit", "`" + added.get().commitSha() + "` (not found in the repository)"));
        }
        reply.fields(fields);
        List<String> later = changes.stream().filter(c -> c != added.get())
                .map(c -> c.kind().column() + " in `" + c.packageVersion() + "`"
                        + (c.commitSha() == null ? "" : " (commit `" + c.commitSha().substring(0, 11) + "`)"))
                .toList();
        if (!later.isEmpty()) reply.text("Later changes:").bullets(later);
        ledger.removal(migration.version()).ifPresent(r -> reply.note("It was removed (reverted) by `"
                + r.packageVersion() + "`: packages from then on no longer carry it."));
        return reply.build();
    }
}
