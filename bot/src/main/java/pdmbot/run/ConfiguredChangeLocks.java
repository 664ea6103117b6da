package pdmbot.run;

import java.util.Comparator;
import java.util.List;
import pdmbot.world.ChangeLock;
import pdmbot.world.ChangeLockCalendar;

/** The production change-lock calendar written in the configuration ({@code run.change-locks}). */
public final class ConfiguredChangeLocks implements ChangeLockCalendar {

    private final List<ChangeLock> windows;

    public ConfiguredChangeLocks(List<ChangeLock> windows) {
        this.windows = windows.stream().sorted(Comparator.comparing(ChangeLock::from)).toList();
    }

    @Override
    public List<ChangeLock> windows() {
        return windows;
    }
}
