package pdmbot.chat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's core, a function from {@link ChatRequest} to {@link Reply}: tokenise, route, check the
 * role, run, audit. It is the one boundary that turns crashes into a generic answer with a
 * correlation id; it never lets a stack trace reach a chat.
 */
public final class ChatCore {

    private static final Logger log = LoggerFactory.getLogger(ChatCore.class);

    private final Router router;
    private final RoleDirectory roles;
    private final AuditTrail audit;

    public ChatCore(Router router, RoleDirectory roles, AuditTrail audit) {
        this.router = router;
        this.roles = roles;
        this.audit = audit;
    }

    public Router router() {
        return router;
    }

    public Role roleOf(ChatRequest request) {
        return roles.roleOf(request.platform(), request.userId());
    }

    /** Whether {@code userId} on {@code platform} may run {@code text}; true when it names no command (it then says so). */
    public boolean mayRun(String platform, String userId, String text) {
        List<String> words = Tokenizer.split(text);
        if (words.isEmpty()) return true;
        Router.Route route = router.route(words);
        return !(route instanceof Router.Matched matched) || roles.roleOf(platform, userId).allows(matched.command().role());
    }

    public Reply handle(ChatRequest request) {
        long started = System.nanoTime();
        String correlationId = UUID.randomUUID().toString().substring(0, 8);
        String commandName = "";
        Reply reply;
        try {
            List<String> words = Tokenizer.split(request.text());
            if (words.isEmpty()) {
                reply = Reply.refused("Say a command; `help` lists them.");
            } else {
                Router.Route route = router.route(words);
                if (route instanceof Router.Matched matched) {
                    commandName = matched.command().name();
                    reply = run(request, matched);
                } else if (route instanceof Router.Unknown unknown) {
                    reply = unknown(unknown);
                } else {
                    throw new IllegalStateException("a route that is neither matched nor unknown: " + route);
                }
            }
        } catch (UsageException e) {
            reply = Reply.builder(Reply.Outcome.REFUSED).text(e.getMessage() + ".").ephemeral().build();
        } catch (RuntimeException e) {
            log.error("[{}] '{}' from {} on {} failed", correlationId, request.text(), request.userId(),
                    request.platform(), e);
            reply = Reply.builder(Reply.Outcome.FAILED)
                    .text("Something went wrong running `" + (commandName.isEmpty() ? request.text() : commandName)
                            + "`; nothing was lost. The details are in the bot's log under id `" + correlationId + "`.")
                    .build();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        try {
            audit.record(request, commandName, reply.outcome(), firstLine(reply), correlationId, took);
        } catch (RuntimeException e) {
            log.error("[{}] could not write the audit record for '{}'", correlationId, request.text(), e);
        }
        return reply;
    }

    private Reply run(ChatRequest request, Router.Matched matched) {
        CommandSpec command = matched.command();
        Role role = roleOf(request);
        if (!role.allows(command.role())) {
            return Reply.refused("`" + command.name() + "` is for release managers; " + request.userName()
                    + " has the role " + role.id() + ". Ask a release manager, or ask an admin to add you to "
                    + "`roles.release-managers` in the configuration.");
        }
        try {
            return command.handle(request, role, matched.rest());
        } catch (UsageException e) {
            return Reply.builder(Reply.Outcome.REFUSED)
                    .text("`" + command.name() + "`: " + e.getMessage() + ".")
                    .text("Usage: `" + command.usage() + "`")
                    .ephemeral().build();
        }
    }

    private Reply unknown(Router.Unknown unknown) {
        Reply.Builder reply = Reply.builder(Reply.Outcome.REFUSED).ephemeral();
        String text = "Unknown command `" + unknown.typed() + "`.";
        if (!unknown.suggestions().isEmpty()) {
            text += " Did you mean " + String.join(" or ", unknown.suggestions().stream().map(s -> "`" + s + "`").toList()) + "?";
            reply.text(text);
            reply.bullets(unknown.suggestions().stream()
                    .map(s -> router.find(s).map(c -> "`" + c.usage() + "` — " + c.description()).orElse(s)).toList());
        } else {
            java.util.List<String> groups = router.commands().stream().map(c -> c.name().split(" ")[0]).distinct()
                    .filter(g -> !g.equals("help")).map(g -> "`" + g + "`").toList();
            text += " Did you mean `help`? Commands start with " + String.join(", ", groups) + ".";
            reply.text(text);
        }
        return reply.note("Type `help` for every command, `help <command>` for one.").build();
    }

    private static String firstLine(Reply reply) {
        String text = reply.plainText();
        int nl = text.indexOf('\n');
        String line = nl < 0 ? text : text.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
