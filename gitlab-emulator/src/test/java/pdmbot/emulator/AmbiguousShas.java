package pdmbot.emulator;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** Writes unreferenced commits into a repository until two share a 4-hex prefix, as git's own ambiguity test does. */
final class AmbiguousShas {

    private AmbiguousShas() {
    }

    static String prefixSharedByTwoObjects(Path workTree) throws Exception {
        try (Repository repo = new FileRepositoryBuilder().setWorkTree(workTree.toFile()).setMustExist(true).build();
             ObjectInserter inserter = repo.newObjectInserter()) {
            Map<String, ObjectId> seen = new HashMap<>();
            ObjectId tree = inserter.insert(Constants.OBJ_TREE, new byte[0]);
            for (int i = 0; i < 100_000; i++) {
                CommitBuilder c = new CommitBuilder();
                c.setTreeId(tree);
                PersonIdent who = new PersonIdent("x", "x@example.com", Instant.EPOCH, ZoneOffset.UTC);
                c.setAuthor(who);
                c.setCommitter(who);
                c.setMessage("ambiguity " + i);
                ObjectId id = inserter.insert(c);
                String prefix = id.name().substring(0, 4);
                if (seen.containsKey(prefix) && !seen.get(prefix).equals(id)) {
                    inserter.flush();
                    return prefix;
                }
                seen.put(prefix, id);
            }
            throw new AssertionError("no two commits shared a 4-hex prefix");
        }
    }
}
