package pdmbot.adapters.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

/**
 * After a private deferral (deferReply(true)), what goes where: a private answer completes the deferral, a public one
 * goes out as a public follow-up and the "thinking" line says so (issue 12, item 7). The hook records the calls
 * JDA's InteractionHook would turn into requests; no gateway is involved.
 */
class DiscordDeferralTest {

    final List<String> calls = new ArrayList<>();

    /** An InteractionHook whose every call is recorded; the actions it returns record setEphemeral and queue. */
    InteractionHook hook() {
        return (InteractionHook) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {InteractionHook.class},
                (proxy, method, args) -> {
                    String arg = args == null || args.length == 0 ? "" : args[0] instanceof String s ? s : args[0].getClass().getSimpleName();
                    calls.add(method.getName() + "(" + arg + ")");
                    return action(method.getReturnType());
                });
    }

    Object action(Class<?> type) {
        if (!type.isInterface()) return null;
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().equals("setEphemeral")) calls.add("setEphemeral(" + args[0] + ")");
            if (method.getName().equals("queue")) return null;
            return method.getReturnType().isInstance(proxy) ? proxy : null;
        });
    }

    static List<MessageCreateData> two() {
        return List.of(DiscordRenderer.quiet().setContent("one").build(), DiscordRenderer.quiet().setContent("two").build());
    }

    @Test
    void a_private_answer_completes_the_private_deferral_and_follows_up_privately() {
        DiscordAdapter.sendAll(hook(), new DiscordInteractions.Answer(two(), true, false));
        assertThat(calls).containsExactly("editOriginal(MessageEditData)", "sendMessage(MessageCreateData)", "setEphemeral(true)");
    }

    @Test
    void a_public_answer_is_sent_as_public_follow_ups_and_the_deferral_says_so() {
        DiscordAdapter.sendAll(hook(), new DiscordInteractions.Answer(two(), false, false));
        assertThat(calls).containsExactly("editOriginal(Answered in the channel.)", "sendMessage(MessageCreateData)",
                "setEphemeral(false)", "sendMessage(MessageCreateData)", "setEphemeral(false)");
    }
}
