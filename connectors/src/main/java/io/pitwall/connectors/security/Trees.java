package io.pitwall.connectors.security;

import io.pitwall.connectors.model.KubeRef;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** JSON and YAML trees for the security parsers: reading, plain text of a field, stable ids, times. */
final class Trees {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final YAMLMapper YAML = YAMLMapper.builder().build();

    private static final Pattern RFC3339 = Pattern.compile(
            "^(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d{1,9})?)(Z|[+-]\\d\\d:?\\d\\d)?");

    private static final Pattern SOURCE_NOISE = Pattern.compile("\\s*\\(?(start marker )?at \\[Source:.*$");

    private Trees() {
    }

    /** A scalar's text; "" for a missing, null or container node. */
    static String text(JsonNode n) {
        return n == null || n.isMissingNode() || n.isNull() || n.isContainer() ? "" : n.asString();
    }

    static String text(JsonNode n, String field) {
        return n == null ? "" : text(n.get(field));
    }

    /** The first of {@code values} that is not blank, or "". */
    static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** {@code prefix} and a 64-bit FNV-1a hash of {@code parts} in hex: the same parts, the same id. */
    static String id(String prefix, String... parts) {
        long h = 0xcbf29ce484222325L;
        for (String p : parts) {
            String s = p == null ? "" : p;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                h = (h ^ (c & 0xff)) * 0x100000001b3L;
                h = (h ^ (c >>> 8)) * 0x100000001b3L;
            }
            h = (h ^ 0x1f) * 0x100000001b3L;
        }
        return prefix + ":" + String.format("%016x", h);
    }

    /**
     * An RFC 3339 time with up to nanoseconds; a time followed by junk (Falco's docs have
     * {@code ...046Z+2}) is read up to its zone. Null when blank or not a time.
     */
    static Instant instant(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        Matcher m = RFC3339.matcher(s.strip());
        if (!m.find()) {
            return null;
        }
        String zone = m.group(2) == null ? "Z" : m.group(2);
        if (zone.length() == 5) {
            zone = zone.substring(0, 3) + ":" + zone.substring(3);
        }
        try {
            return OffsetDateTime.parse(m.group(1) + zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A {@code {seconds, nanos}} protobuf timestamp (PolicyReport results), or null. */
    static Instant timestamp(JsonNode ts) {
        if (ts == null || !ts.isObject() || !ts.path("seconds").isNumber()) {
            return null;
        }
        return Instant.ofEpochSecond(ts.path("seconds").asLong(), ts.path("nanos").asLong(0));
    }

    static Instant ofEpochNanos(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    /** An object reference ({@code kind}, {@code namespace}, {@code name}) as a {@link KubeRef}, or null. */
    static KubeRef ref(JsonNode r, String defaultNamespace) {
        String kind = text(r, "kind");
        String name = text(r, "name");
        if (kind.isEmpty() || name.isEmpty()) {
            return null;
        }
        return new KubeRef(kind, first(text(r, "namespace"), defaultNamespace), name);
    }

    /**
     * The documents of a YAML or JSON text: several YAML documents ({@code ---}), several JSON
     * values one after another, a byte-order mark in front; empty documents are left out.
     */
    static List<JsonNode> documents(String text, String name) throws SecurityParseException {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String head = t.stripLeading();
        boolean json = head.startsWith("{") || head.startsWith("[");
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = (json ? JSON : YAML).readerFor(JsonNode.class).readValues(t)) {
            while (it.hasNextValue()) {
                JsonNode n = it.nextValue();
                if (n != null && !n.isNull() && !n.isMissingNode()) {
                    docs.add(n);
                }
            }
        } catch (JacksonException e) {
            throw error(name, json ? "not valid JSON" : "not valid YAML", e);
        }
        return docs;
    }

    /** A Jackson error as one line: where, and the parser's words without its location noise. */
    static SecurityParseException error(String name, String what, JacksonException e) {
        TokenStreamLocation at = e.getLocation();
        int line = at == null ? 0 : at.getLineNr();
        String why = reason(e);
        return new SecurityParseException(name, Math.max(line, 0), why.isEmpty() ? what : what + ": " + why);
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root instanceof JacksonException je ? je.getOriginalMessage() : root.getMessage();
        if (m == null) {
            return "";
        }
        // snakeyaml: "while parsing a block mapping\n in reader, line 38, column 5:\n    - cvss:\n    ^\nexpected <block end>..."
        // (the indented lines are where and a snippet); Jackson: "Unexpected character ... at [Source: ...; line: 1]"
        StringBuilder b = new StringBuilder();
        for (String l : m.split("\n")) {
            if (l.isBlank() || Character.isWhitespace(l.charAt(0))) {
                continue;
            }
            String s = SOURCE_NOISE.matcher(l.strip()).replaceAll("");
            if (!b.isEmpty()) {
                b.append(": ");
            }
            b.append(s);
            if (b.length() > 200) {
                break;
            }
        }
        return b.toString();
    }

    /** Labels or annotations of {@code metadata} as a map view (empty when none). */
    static Map<String, String> strings(JsonNode obj) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        if (obj != null && obj.isObject()) {
            for (Map.Entry<String, JsonNode> e : obj.properties()) {
                m.put(e.getKey(), text(e.getValue()));
            }
        }
        return m;
    }
}
