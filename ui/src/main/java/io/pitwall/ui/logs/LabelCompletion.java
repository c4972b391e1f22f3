package io.pitwall.ui.logs;

import io.pitwall.connectors.logs.LogsSource;
import io.pitwall.connectors.model.TimeRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Completion for the LogQL field: label names inside a selector ({@code {nam}), a label's values
 * after {@code name="} or {@code name=~"}. Names and values are asked of the source once each,
 * asynchronously; until they arrive there is nothing to offer (never a blocking call).
 */
final class LabelCompletion {

    private static final Pattern VALUE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*(?:=|!=|=~|!~)\\s*\"([^\"]*)$");
    private static final Pattern NAME = Pattern.compile("[{,]\\s*([A-Za-z_][A-Za-z0-9_]*)$");

    private final Optional<LogsSource> source;
    private final Supplier<TimeRange> range;
    private volatile List<String> names;
    private final Map<String, List<String>> values = new ConcurrentHashMap<>();
    private final Map<String, Boolean> asked = new ConcurrentHashMap<>();

    LabelCompletion(Optional<LogsSource> source, Supplier<TimeRange> range) {
        this.source = source;
        this.range = range;
    }

    /** The whole query completed each way its last word could be, best first; empty while unknown. */
    List<String> complete(String text) {
        if (text == null || source.isEmpty() || range.get() == null) {
            return List.of();
        }
        Matcher v = VALUE.matcher(text);
        if (v.find()) {
            String label = v.group(1);
            List<String> known = values.get(label);
            if (known == null) {
                fetchValues(label);
                return List.of();
            }
            return offer(text, v.group(2), known, "\"");
        }
        Matcher n = NAME.matcher(text);
        if (n.find()) {
            if (names == null) {
                fetchNames();
                return List.of();
            }
            return offer(text, n.group(1), names, "=\"");
        }
        return List.of();
    }

    private static List<String> offer(String text, String word, List<String> words, String suffix) {
        String head = text.substring(0, text.length() - word.length());
        String lw = word.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (String w : words) {
            if (w.toLowerCase(Locale.ROOT).startsWith(lw) && !w.equals(word)) {
                out.add(head + w + suffix);
            }
        }
        return out.stream().sorted().limit(30).toList();
    }

    void fetchNames() {
        if (source.isEmpty() || range.get() == null) {
            return;
        }
        if (asked.putIfAbsent("\u0000names", true) == null) {
            source.get().labelNames(range.get()).thenAccept(l -> names = List.copyOf(l))
                    .exceptionally(e -> {
                        asked.remove("\u0000names");
                        return null;
                    });
        }
    }

    private void fetchValues(String label) {
        if (asked.putIfAbsent(label, true) == null) {
            source.get().labelValues(label, range.get()).thenAccept(l -> values.put(label, List.copyOf(l)))
                    .exceptionally(e -> {
                        asked.remove(label);
                        return null;
                    });
        }
    }
}
