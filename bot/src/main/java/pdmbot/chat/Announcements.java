package pdmbot.chat;

/** Where the bot tells everyone what happens (the announcements channel on every enabled platform). */
@FunctionalInterface
public interface Announcements {

    /** Posts a message; {@code topic} groups messages of one story (a run, a package) into one thread. */
    void announce(String topic, Reply message);

    /**
     * Posts a message whose buttons anyone in the channel may click (a scheduled run's Confirm / Skip, on Slack and
     * Discord); the click is checked against the clicker's role. The console posts it without them.
     */
    default void propose(String topic, Reply message) {
        announce(topic, message);
    }

    /**
     * Posts a message that stays live: the first call with {@code key} posts it in the topic's thread, later calls
     * edit that message in place where the platform can (Slack {@code chat.update}, a Discord message edit), on any
     * instance (the message's id is kept with the dialogue); where it cannot (the console), the message is shown again.
     */
    default void announceLive(String topic, String key, Reply message) {
        announce(topic, message);
    }

    Announcements NONE = (topic, message) -> { };
}
