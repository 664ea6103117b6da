package pdmbot.chat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fans announcements out to every listening adapter; one failing listener does not stop the others. */
public final class AnnouncementHub implements Announcements {

    private static final Logger log = LoggerFactory.getLogger(AnnouncementHub.class);
    /** Announcements kept while nobody listens (a run picked up at start, before the console subscribes). */
    static final int BACKLOG = 50;

    private final List<Announcements> listeners = new CopyOnWriteArrayList<>();
    private final java.util.Deque<Kept> backlog = new java.util.ArrayDeque<>();

    /** An announcement kept for the first listener; {@code proposal} when it was posted with {@link #propose}. */
    private record Kept(String topic, Reply message, boolean proposal) {
    }

    /** Adds a listener; the first one also receives what was announced while nobody listened. */
    public void subscribe(Announcements listener) {
        List<Kept> missed;
        synchronized (backlog) {
            listeners.add(listener);
            missed = List.copyOf(backlog);
            backlog.clear();
        }
        for (Kept m : missed) deliver(listener, m.topic(), m.message(), m.proposal());
    }

    public void unsubscribe(Announcements listener) {
        listeners.remove(listener);
    }

    @Override
    public void announce(String topic, Reply message) {
        fanOut(topic, message, false);
    }

    @Override
    public void propose(String topic, Reply message) {
        fanOut(topic, message, true);
    }

    private void fanOut(String topic, Reply message, boolean proposal) {
        log.info("{} [{}]: {}", proposal ? "proposal" : "announcement", topic, message.plainText().replace('\n', ' '));
        synchronized (backlog) {
            if (listeners.isEmpty()) {
                if (backlog.size() == BACKLOG) backlog.removeFirst();
                backlog.addLast(new Kept(topic, message, proposal));
                return;
            }
        }
        for (Announcements listener : listeners) deliver(listener, topic, message, proposal);
    }

    @Override
    public void announceLive(String topic, String key, Reply message) {
        log.info("live announcement [{}] {}: {}", topic, key, message.plainText().replace('\n', ' '));
        synchronized (backlog) {
            if (listeners.isEmpty()) {
                if (backlog.size() == BACKLOG) backlog.removeFirst();
                backlog.addLast(new Kept(topic, message, false));
                return;
            }
        }
        for (Announcements listener : listeners) {
            try {
                listener.announceLive(topic, key, message);
            } catch (RuntimeException e) {
                log.error("an announcement listener failed on [{}]", topic, e);
            }
        }
    }

    private static void deliver(Announcements listener, String topic, Reply message, boolean proposal) {
        try {
            if (proposal) listener.propose(topic, message);
            else listener.announce(topic, message);
        } catch (RuntimeException e) {
            log.error("an announcement listener failed on [{}]", topic, e);
        }
    }
}
