package io.pitwall.ui.traces;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The search bar's tags field: {@code key=value} pairs separated by spaces, a value in double
 * quotes when it has spaces ({@code http.status_code=500 error=true msg="timed out"}).
 */
public final class TagConditions {

    private TagConditions() {
    }

    /** The conditions in order; throws with a message for the user on a pair without a key or an '='. */
    public static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        String t = text == null ? "" : text.strip();
        int i = 0;
        while (i < t.length()) {
            if (Character.isWhitespace(t.charAt(i))) {
                i++;
                continue;
            }
            int eq = -1;
            int j = i;
            while (j < t.length() && !Character.isWhitespace(t.charAt(j)) && t.charAt(j) != '=') {
                j++;
            }
            if (j < t.length() && t.charAt(j) == '=') {
                eq = j;
            }
            if (eq < 0) {
                throw new IllegalArgumentException("\"" + t.substring(i, j) + "\" has no value: write tags as key=value, separated by spaces.");
            }
            if (eq == i) {
                throw new IllegalArgumentException("A tag at \"" + word(t, i) + "\" has no key: write tags as key=value.");
            }
            String key = t.substring(i, eq);
            int v = eq + 1;
            String value;
            if (v < t.length() && t.charAt(v) == '"') {
                int close = t.indexOf('"', v + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("The value of " + key + " opens a quote that is not closed.");
                }
                value = t.substring(v + 1, close);
                i = close + 1;
            } else {
                int e = v;
                while (e < t.length() && !Character.isWhitespace(t.charAt(e))) {
                    e++;
                }
                value = t.substring(v, e);
                i = e;
            }
            if (value.isEmpty()) {
                throw new IllegalArgumentException("The tag " + key + " has no value: write " + key + "=value.");
            }
            out.put(key, value);
        }
        return out;
    }

    private static String word(String t, int from) {
        int e = from;
        while (e < t.length() && !Character.isWhitespace(t.charAt(e))) {
            e++;
        }
        return t.substring(from, e);
    }
}
