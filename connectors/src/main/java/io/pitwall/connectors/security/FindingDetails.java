package io.pitwall.connectors.security;

import io.pitwall.connectors.model.SecurityFinding;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A finding's original payload for the details panel, as flat key/value rows in their order:
 * nested fields joined with "." ({@code output_fields.k8s.pod.name}), list items by index
 * ({@code tags[0]}), every value as text.
 */
public final class FindingDetails {

    private FindingDetails() {
    }

    /** The payload's rows; a payload that is not JSON is one row, {@code payload}. */
    public static Map<String, String> fields(SecurityFinding f) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            flatten("", Trees.JSON.readTree(f.payload()), out);
        } catch (JacksonException e) {
            out.put("payload", f.payload());
        }
        return Collections.unmodifiableMap(out);
    }

    /** The payload indented for reading. */
    public static String pretty(SecurityFinding f) {
        try {
            return Trees.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(Trees.JSON.readTree(f.payload()));
        } catch (JacksonException e) {
            return f.payload();
        }
    }

    private static void flatten(String prefix, JsonNode n, Map<String, String> out) {
        if (n.isObject()) {
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (n.isArray()) {
            int i = 0;
            for (JsonNode item : n) {
                flatten(prefix + "[" + i++ + "]", item, out);
            }
        } else {
            out.put(prefix, n.isNull() ? "" : n.asString());
        }
    }
}
