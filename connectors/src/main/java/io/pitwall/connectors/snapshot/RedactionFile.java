package io.pitwall.connectors.snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The user's redaction patterns, {@value #FILE_NAME} in Pitwall's config folder:
 * <pre>{@code
 * {
 *   "patterns": [
 *     {"name": "acme-key", "regex": "ACME-[0-9a-f]{32}"},
 *     {"name": "employee", "regex": "employee=(?<secret>E[0-9]{6})", "description": "only the id goes"}
 *   ]
 * }
 * }</pre>
 * Read strictly: a file that is not this shape (a field misspelt, a name twice, a regular
 * expression that does not compile) is refused with one line saying where, so that a capture
 * stops rather than go without a pattern the user believes is applied. No file: no patterns.
 */
public final class RedactionFile {

    public static final String FILE_NAME = "redaction.json";
    /** Larger than any list of patterns a person writes. */
    static final long MAX_BYTES = 1 << 20;
    private static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Set<String> PATTERN_FIELDS = Set.of("name", "regex", "description");

    private RedactionFile() {
    }

    /** The patterns of {@code file}; none when it does not exist. The exception's message is one line naming the file. */
    public static List<RedactionPattern> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        String text;
        try {
            if (!Files.isRegularFile(file)) {
                throw new IOException("not a file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new IOException("larger than 1 MB; not a list of redaction patterns");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException none) {
            return List.of();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IOException(file + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new IOException(file + ": cannot be read: " + e.getMessage(), e);
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** The patterns of a {@value #FILE_NAME} text; IllegalArgumentException (one line) when it is not one. */
    public static List<RedactionPattern> parse(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            var at = e.getLocation();
            throw new IllegalArgumentException("not JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column "
                    + at.getColumnNr()) + ": " + firstLine(e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new IllegalArgumentException("expected an object {\"patterns\": [...]}");
        }
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            if (!e.getKey().equals("patterns")) {
                throw new IllegalArgumentException("unknown field \"" + e.getKey() + "\" (expected \"patterns\")");
            }
        }
        JsonNode patterns = root.get("patterns");
        if (patterns == null || !patterns.isArray()) {
            throw new IllegalArgumentException("\"patterns\" must be a list of {\"name\", \"regex\"}");
        }
        List<RedactionPattern> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < patterns.size(); i++) {
            JsonNode p = patterns.get(i);
            String where = "patterns[" + i + "]";
            if (!p.isObject()) {
                throw new IllegalArgumentException(where + " is not an object {\"name\", \"regex\"}");
            }
            for (Map.Entry<String, JsonNode> e : p.properties()) {
                if (!PATTERN_FIELDS.contains(e.getKey())) {
                    throw new IllegalArgumentException(where + ": unknown field \"" + e.getKey()
                            + "\" (expected name, regex and optionally description)");
                }
                if (!e.getValue().isString()) {
                    throw new IllegalArgumentException(where + ": \"" + e.getKey() + "\" must be a string");
                }
            }
            if (p.get("name") == null || p.get("regex") == null) {
                throw new IllegalArgumentException(where + ": needs a \"name\" and a \"regex\"");
            }
            RedactionPattern pattern = RedactionPattern.of(p.get("name").asString(), p.get("regex").asString());
            if (!names.add(pattern.name())) {
                throw new IllegalArgumentException("pattern " + pattern.name() + " is named twice");
            }
            out.add(pattern);
        }
        return List.copyOf(out);
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("").strip();
    }
}
