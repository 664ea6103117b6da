package pdmbot.chat;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean" candidates by edit distance. */
public final class Suggestions {

    private Suggestions() {
    }

    /** Up to {@code limit} candidates close to {@code input}, nearest first. */
    public static List<String> closest(String input, Collection<String> candidates, int limit) {
        String needle = input.toLowerCase(Locale.ROOT);
        int budget = Math.max(2, needle.length() / 3);
        return candidates.stream()
                .distinct()
                .map(c -> new Scored(c, score(needle, c.toLowerCase(Locale.ROOT))))
                .filter(s -> s.score <= budget)
                .sorted(Comparator.comparingInt((Scored s) -> s.score).thenComparing(s -> s.candidate))
                .limit(limit)
                .map(s -> s.candidate)
                .toList();
    }

    private record Scored(String candidate, int score) {
    }

    private static int score(String needle, String candidate) {
        if (candidate.startsWith(needle) || needle.startsWith(candidate)) return Math.min(1, distance(needle, candidate));
        return distance(needle, candidate);
    }

    /** Damerau–Levenshtein (optimal string alignment) distance. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1))
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
        return d[a.length()][b.length()];
    }
}
