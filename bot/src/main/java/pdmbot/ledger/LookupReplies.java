package pdmbot.ledger;

import java.util.List;
import java.util.function.Function;
import pdmbot.chat.Reply;
import pdmbot.domain.PostMigration;
import pdmbot.world.Lookup;

/** The refusals every ref-taking command gives for a ref that matches nothing or several things. */
public final class LookupReplies {

    private LookupReplies() {
    }

    /** The refusal for a migration ref that matched nothing or several migrations. */
    public static Reply migrationRefusal(Lookup<PostMigration> lookup) {
        return refusal(lookup, "migration", m -> m.className() + " (" + m.version() + ")");
    }

    static <T> Reply refusal(Lookup<T> lookup, String what, Function<T, String> describe) {
        if (lookup instanceof Lookup.Ambiguous<T> ambiguous) {
            List<T> candidates = ambiguous.candidates();
            List<String> shown = candidates.stream().limit(10).map(describe).toList();
            Reply.Builder reply = Reply.builder(Reply.Outcome.REFUSED)
                    .text("\"" + lookup.query() + "\" matches " + candidates.size() + " " + what + "s; say which:")
                    .bullets(shown);
            if (candidates.size() > shown.size()) reply.note("…and " + (candidates.size() - shown.size()) + " more.");
            return reply.ephemeral().build();
        }
        if (lookup instanceof Lookup.NotFound<T> notFound) {
            String reason = notFound.reason();
            return Reply.builder(Reply.Outcome.REFUSED)
                    .text(Character.toUpperCase(reason.charAt(0)) + reason.substring(1)
                            + (reason.endsWith("?") || reason.endsWith(".") ? "" : ".")).ephemeral().build();
        }
        throw new IllegalArgumentException("not a refusal: " + lookup);
    }
}
