package pdmbot.chat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fans announcements out to every listening adapter; one failing listener does not stop the others. */
public final class AnnouncementHub implements Announcements {

    private static final Logger log = LoggerFactory.getLogger(AnnouncementHub.class);
    private final List<Announcements> listeners = new CopyOnWriteArrayList<>();

    public void subscribe(Announcements listener) {
        listeners.add(listener);
    }

    public void unsubscribe(Announcements listener) {
        listeners.remove(listener);
    }

    @Override
    public void announce(String topic, Reply message) {
        log.info("announcement [{}]: {}", topic, message.plainText().replace('\n', ' '));
        for (Announcements listener : listeners) {
            try {
                listener.announce(topic, message);
            } catch (RuntimeException e) {
                log.error("an announcement listener failed on [{}]", topic, e);
            }
        }
    }
}
