package io.pitwall.ui.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;

/** A JSON log line, pretty-printed for the expanded line (one line at a time, when asked). */
final class JsonPretty {

    /** Lines longer than this are not expanded (the view stays quick). */
    static final int MAX = 256 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonPretty() {
    }

    /** The line's JSON object, indented, one string per line; empty when the line is not a JSON object. */
    static List<String> lines(String line) {
        String t = line.strip();
        if (t.length() > MAX || !t.startsWith("{") || !t.endsWith("}")) {
            return List.of();
        }
        try {
            JsonNode node = JSON.readTree(t);
            return node != null && node.isObject() ? JSON.writeValueAsString(node).lines().toList() : List.of();
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
