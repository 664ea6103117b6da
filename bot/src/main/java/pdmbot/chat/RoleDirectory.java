package pdmbot.chat;

import java.util.Map;
import java.util.Set;

/** Says which role a platform user has. */
public interface RoleDirectory {

    Role roleOf(String platform, String userId);

    /** Release managers listed per platform, by the platform's user id; everyone else may ask. */
    static RoleDirectory configured(Map<String, Set<String>> releaseManagersByPlatform) {
        Map<String, Set<String>> copy = Map.copyOf(releaseManagersByPlatform);
        return (platform, userId) -> copy.getOrDefault(platform, Set.of()).contains(userId)
                ? Role.RELEASE_MANAGER : Role.EVERYONE;
    }
}
