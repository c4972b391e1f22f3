package io.pitwall.connectors.logs;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.pitwall.connectors.model.LogStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The streams of a file's log lines, known by the text of their labels: a million lines of a few
 * hundred streams make each stream's labels once, not once a line. Past {@value #MAX_KNOWN}
 * distinct label sets (a hostile file) it stops remembering and only interns.
 */
final class EntryStreams {

    private static final int MAX_KNOWN = 10_000;
    private final LokiJson.Interner interner;
    private final Map<String, LogStream> byText = new HashMap<>();
    private final StringBuilder key = new StringBuilder();

    EntryStreams(LokiJson.Interner interner) {
        this.interner = interner;
    }

    /** The stream without labels. */
    LogStream none() {
        return interner.of(Map.of());
    }

    /** The stream of the labels object the parser is on ({@code t}) in {@code text}, read past it (line by line). */
    LogStream at(JsonParser p, JsonToken t, String text) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return none();
        }
        long from = p.currentTokenLocation().getCharOffset();
        p.skipChildren();
        long to = p.currentTokenLocation().getCharOffset() + 1;
        if (from < 0 || to > text.length() || from >= to) {
            throw new IOException("the labels cannot be located in the line");
        }
        String raw = text.substring((int) from, (int) to);
        LogStream known = byText.get(raw);
        if (known != null) {
            return known;
        }
        Map<String, String> labels;
        try (JsonParser q = LokiJson.FACTORY.createParser(raw)) {
            labels = io.pitwall.connectors.JsonBodies.labels(q, q.nextToken());
        }
        return remember(raw, interner.of(labels));
    }

    /**
     * The stream of the labels object the parser is on ({@code t}), read past it (one parse of a
     * whole file): the key is each label's name and value, length-prefixed, read from the
     * parser's buffer without making a string of each.
     */
    LogStream read(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return none();
        }
        key.setLength(0);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (v.isStructStart()) {
                p.skipChildren();
                continue;
            }
            key.append(name.length()).append(':').append(name);
            if (v == JsonToken.VALUE_STRING) {
                key.append(p.getTextLength()).append(':').append(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            } else {
                String text = p.getText();
                key.append(text.length()).append(':').append(text);
            }
        }
        String k = key.toString();
        LogStream known = byText.get(k);
        return known != null ? known : remember(k, interner.of(labels(k)));
    }

    /** The labels a {@link #read} key holds (a later name wins, as a map built from the object would). */
    private static Map<String, String> labels(String k) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        while (i < k.length()) {
            int colon = k.indexOf(':', i);
            int n = Integer.parseInt(k, i, colon, 10);
            String name = k.substring(colon + 1, colon + 1 + n);
            i = colon + 1 + n;
            colon = k.indexOf(':', i);
            n = Integer.parseInt(k, i, colon, 10);
            out.put(name, k.substring(colon + 1, colon + 1 + n));
            i = colon + 1 + n;
        }
        return out;
    }

    private LogStream remember(String key, LogStream s) {
        if (byText.size() < MAX_KNOWN) {
            byText.put(key, s);
        }
        return s;
    }
}
