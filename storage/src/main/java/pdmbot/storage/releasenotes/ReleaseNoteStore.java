package pdmbot.storage.releasenotes;

import java.util.List;
import pdmbot.domain.PackageVersion;

/** Remembers which packages got their release-issue note, so that a note is never posted twice. */
public interface ReleaseNoteStore {

    /**
     * Claims the right to post the package's note: true for exactly one caller, even across instances racing;
     * false when the note was claimed before (the stored body is then left as it was).
     */
    boolean claim(PackageVersion packageVersion, String body);

    /** Every claimed note, oldest first. */
    List<ReleaseNote> all();
}
