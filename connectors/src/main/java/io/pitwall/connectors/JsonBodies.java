package io.pitwall.connectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/** Small pieces of reading the backends' JSON replies with Jackson's streaming parser. */
public final class JsonBodies {

    private JsonBodies() {
    }

    /**
     * A flat object of labels ({@code {"job": "node", ...}}) at {@code t}, its start token; a
     * nested value is skipped, anything but an object reads as no labels.
     */
    public static Map<String, String> labels(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return Map.of();
        }
        Map<String, String> labels = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (v.isStructStart()) {
                p.skipChildren();
            } else {
                labels.put(name, p.getText());
            }
        }
        return labels;
    }

    /**
     * Whether the body's first non-blank character is {@code {} (a JSON object rather than an HTML
     * page or plain text); {@code in} must support mark and is left where it was.
     */
    public static boolean startsWithBrace(InputStream in) throws IOException {
        return firstChar(in) == '{';
    }

    /** Whether the body's first non-blank character opens a JSON object or list; as {@link #startsWithBrace}. */
    public static boolean startsWithJson(InputStream in) throws IOException {
        int c = firstChar(in);
        return c == '{' || c == '[';
    }

    private static int firstChar(InputStream in) throws IOException {
        in.mark(4096);
        int c;
        int n = 0;
        do {
            c = in.read();
            n++;
        } while (c != -1 && Character.isWhitespace(c) && n < 4096);
        in.reset();
        return c;
    }
}
