package pdmbot.chat;

/** Where the bot tells everyone what happens (the announcements channel on every enabled platform). */
@FunctionalInterface
public interface Announcements {

    /** Posts a message; {@code topic} groups messages of one story (a run, a package) into one thread. */
    void announce(String topic, Reply message);

    Announcements NONE = (topic, message) -> { };
}
