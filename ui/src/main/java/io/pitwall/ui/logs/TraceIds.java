package io.pitwall.ui.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds trace ids in a line, to draw as links: a W3C {@code traceparent}
 * ({@code 00-<32 hex>-<16 hex>-<2 hex>}: the trace id is the 32 hex), a logfmt pair or JSON field
 * named {@code trace_id}, {@code traceId}, {@code traceID} or {@code trace.id} (16 or 32 hex), and
 * the extra patterns given (each with one group: the id). Immutable; used for visible lines only.
 */
public final class TraceIds {

    /** Where a trace id is in a line, and the id. */
    public record Span(int start, int end, String id) {
    }

    private static final Pattern TRACEPARENT = Pattern.compile(
            "\\b[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}\\b");
    private static final Pattern FIELD = Pattern.compile(
            "(?:\\btrace[_.]?id|\\btraceI[dD])\"?\\s*[=:]\\s*\"?([0-9a-fA-F]{32}|[0-9a-fA-F]{16})\\b");

    private final List<Pattern> patterns;

    public TraceIds() {
        this(List.of());
    }

    /** @param extra more patterns, each with one capturing group around the id */
    public TraceIds(List<Pattern> extra) {
        List<Pattern> all = new ArrayList<>(List.of(TRACEPARENT, FIELD));
        all.addAll(extra);
        patterns = List.copyOf(all);
    }

    /** The trace ids in {@code line}, by position, without overlaps. */
    public List<Span> find(String line) {
        if (line.length() < 16) {
            return List.of();
        }
        List<Span> out = new ArrayList<>();
        for (Pattern p : patterns) {
            Matcher m = p.matcher(line);
            while (m.find()) {
                int g = m.groupCount() >= 1 && m.group(1) != null ? 1 : 0;
                if (free(out, m.start(g), m.end(g))) {
                    out.add(new Span(m.start(g), m.end(g), m.group(g)));
                }
            }
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    private static boolean free(List<Span> taken, int start, int end) {
        for (Span o : taken) {
            if (o.start() < end && start < o.end()) {
                return false;
            }
        }
        return true;
    }

    /** The id at column {@code index} of {@code line}, or null. */
    public String at(String line, int index) {
        for (Span s : find(line)) {
            if (index >= s.start() && index < s.end()) {
                return s.id();
            }
        }
        return null;
    }
}
