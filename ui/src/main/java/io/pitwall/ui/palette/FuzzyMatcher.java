package io.pitwall.ui.palette;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Ranks palette entries by how well a typed query matches them: every query character must
 * appear in order (a subsequence); consecutive runs, word starts and an early first match score
 * higher. "rl" finds "Reset layout"; "thd" finds "Theme: Dark".
 */
public final class FuzzyMatcher {

    private FuzzyMatcher() {
    }

    /** A score, higher is better, or -1 when {@code text} does not contain the query in order. */
    public static int score(String query, String text) {
        String q = query.toLowerCase(Locale.ROOT).replace(" ", "");
        String t = text.toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return 0;
        }
        int score = 0;
        int ti = 0;
        int previous = -2;
        for (int qi = 0; qi < q.length(); qi++) {
            char c = q.charAt(qi);
            int found = t.indexOf(c, ti);
            if (found < 0) {
                return -1;
            }
            score += 1;
            if (found == previous + 1) {
                score += 5;
            }
            if (found == 0 || !Character.isLetterOrDigit(t.charAt(found - 1))) {
                score += 8;
            }
            if (qi == 0) {
                score += Math.max(0, 10 - found);
            }
            previous = found;
            ti = found + 1;
        }
        // prefer shorter texts among equal matches
        return score * 100 - Math.min(99, t.length());
    }

    /** The commands that match {@code query}, best first; all of them, in order, for a blank query. */
    public static List<Command> rank(String query, List<Command> commands) {
        if (query == null || query.isBlank()) {
            return List.copyOf(commands);
        }
        record Scored(Command command, int score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Command c : commands) {
            int s = score(query, c.title());
            if (s >= 0) {
                scored.add(new Scored(c, s));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::score).reversed());
        return scored.stream().map(Scored::command).toList();
    }
}
