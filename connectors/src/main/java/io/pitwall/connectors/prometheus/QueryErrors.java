package io.pitwall.connectors.prometheus;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where in a query a PromQL parse error points, from the error's own words: "1:5: parse error: ..."
 * (Prometheus 2.17 and later, Thanos, Mimir: line and 1-based column), "parse error at line 2,
 * char 3: ..." and "parse error at char 5: ..." (older Prometheus).
 */
public final class QueryErrors {

    private static final Pattern LINE_COLUMN = Pattern.compile("(?<![\\d.:])(\\d+):(\\d+): parse error");
    private static final Pattern AT_LINE_CHAR = Pattern.compile("parse error at line (\\d+), char (\\d+)");
    private static final Pattern AT_CHAR = Pattern.compile("parse error at char (\\d+)");

    private QueryErrors() {
    }

    /** The 0-based offset in {@code query} that {@code error} points at, if it points anywhere. */
    public static OptionalInt position(String error, String query) {
        if (error == null || query == null) {
            return OptionalInt.empty();
        }
        Matcher m = LINE_COLUMN.matcher(error);
        if (m.find()) {
            return offset(query, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        m = AT_LINE_CHAR.matcher(error);
        if (m.find()) {
            return offset(query, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        m = AT_CHAR.matcher(error);
        if (m.find()) {
            return offset(query, 1, Integer.parseInt(m.group(1)));
        }
        return OptionalInt.empty();
    }

    /** Line and column (both 1-based) as an offset, clamped to the query. */
    static OptionalInt offset(String query, int line, int column) {
        if (line < 1 || column < 1) {
            return OptionalInt.empty();
        }
        int start = 0;
        for (int l = 1; l < line; l++) {
            int nl = query.indexOf('\n', start);
            if (nl < 0) {
                return OptionalInt.empty();
            }
            start = nl + 1;
        }
        return OptionalInt.of(Math.min(start + column - 1, query.length()));
    }
}
