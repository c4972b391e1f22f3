package io.pitwall.connectors.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.snapshot.BundleException.Reason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json} to and from {@link BundleManifest}. Instants are ISO-8601 strings
 * ({@link Instant#toString()}); unknown fields are ignored; duplicate keys and trailing content
 * are errors. Reading checks the format version first, so a 2.x manifest is refused as such.
 */
final class ManifestCodec {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The window a bundle may cover: times are nanoseconds since 1970 in a long, which end in 2262. */
    static final Instant EARLIEST = Instant.EPOCH;
    static final Instant LATEST = Instant.parse("2262-01-01T00:00:00Z");
    private static final ObjectReader READER;
    private static final ObjectWriter WRITER;

    static {
        JsonMapper mapper = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build();
        READER = mapper.reader();
        WRITER = mapper.writer();
    }

    private ManifestCodec() {
    }

    static byte[] toJson(BundleManifest m) {
        try {
            return WRITER.writeValueAsBytes(toTree(m));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write manifest.json", e);
        }
    }

    /** The manifest as manifest.json holds it. */
    static ObjectNode toTree(BundleManifest m) {
        ObjectNode root = NODES.objectNode();
        root.put("formatVersion", m.formatVersion());
        root.put("appVersion", m.appVersion());
        root.put("createdAt", m.createdAt().toString());
        root.put("cluster", m.cluster());
        root.put("context", m.context());
        ObjectNode range = root.putObject("timeRange");
        range.put("from", m.timeRange().from().toString());
        range.put("to", m.timeRange().to().toString());
        ArrayNode namespaces = root.putArray("namespaces");
        m.namespaces().forEach(namespaces::add);
        ArrayNode entries = root.putArray("entries");
        for (BundleEntry e : m.entries()) {
            ObjectNode n = entries.addObject();
            n.put("path", e.path());
            n.put("mediaType", e.mediaType());
            n.put("size", e.size());
            n.put("sha256", e.sha256());
        }
        ObjectNode redactions = root.putObject("redactions");
        m.redactions().forEach(redactions::put);
        ArrayNode problems = root.putArray("problems");
        for (BundleProblem p : m.problems()) {
            problems.addObject().put("signal", p.signal()).put("message", p.message());
        }
        return root;
    }

    /** The manifest in {@code json}, read from {@code file}; every problem is a {@link BundleException}. */
    static BundleManifest fromJson(byte[] json, Path file) throws BundleException {
        return new Parse(file).manifest(json);
    }

    /** One parse: knows the file, for the messages. */
    private record Parse(Path file) {

        BundleManifest manifest(byte[] json) throws BundleException {
            JsonNode root;
            try {
                root = READER.readTree(json);
            } catch (JsonProcessingException e) {
                var at = e.getLocation();
                String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
                throw bad("it is not valid JSON" + where, e);
            } catch (IOException e) {
                throw bad("it cannot be parsed: " + Messages.oneLine(e.getMessage()), e);
            }
            if (root == null || root.isMissingNode()) {
                throw bad("it is empty", null);
            }
            if (!root.isObject()) {
                throw bad("it is not a JSON object", null);
            }
            String version = text(root, "formatVersion", true);
            if (!BundleManifest.isVersion(version)) {
                throw bad("formatVersion " + EntryPaths.quote(version) + " is not major.minor", null);
            }
            if (BundleManifest.major(version) != BundleManifest.FORMAT_MAJOR) {
                throw new BundleException(Reason.UNSUPPORTED_VERSION, file, EntryPaths.MANIFEST,
                        "unsupported bundle format " + version + " in "
                                + Messages.file(file) + ": this Pitwall reads format " + BundleManifest.FORMAT_MAJOR
                                + ".x");
            }
            String appVersion = text(root, "appVersion", true);
            Instant createdAt = instant(root, "createdAt", "createdAt");
            String cluster = text(root, "cluster", false);
            String context = text(root, "context", false);
            JsonNode range = object(root, "timeRange", "timeRange", true);
            Instant from = instant(range, "from", "timeRange.from");
            Instant to = instant(range, "to", "timeRange.to");
            if (!to.isAfter(from)) {
                throw bad("timeRange ends (" + to + ") before it starts (" + from + ")", null);
            }
            if (from.isBefore(EARLIEST) || to.isAfter(LATEST)) {
                throw bad("timeRange (" + from + " to " + to + ") is not within the years 1970 to 2261 that Pitwall's"
                        + " times hold", null);
            }
            List<String> namespaces = new ArrayList<>();
            JsonNode ns = array(root, "namespaces", "namespaces", true);
            for (int i = 0; i < ns.size(); i++) {
                namespaces.add(text(ns.get(i), "namespaces[" + i + "]"));
            }
            List<BundleEntry> entries = entries(array(root, "entries", "entries", true));
            Map<String, Long> redactions = redactions(object(root, "redactions", "redactions", false));
            List<BundleProblem> problems = new ArrayList<>();
            JsonNode ps = array(root, "problems", "problems", false);
            for (int i = 0; ps != null && i < ps.size(); i++) {
                String at = "problems[" + i + "]";
                JsonNode p = object(ps.get(i), at);
                problems.add(new BundleProblem(text(p.get("signal"), at + ".signal"),
                        text(p.get("message"), at + ".message")));
            }
            return new BundleManifest(version, appVersion, createdAt, cluster, context, new TimeRange(from, to),
                    namespaces, entries, redactions, problems);
        }

        private List<BundleEntry> entries(JsonNode array) throws BundleException {
            List<BundleEntry> entries = new ArrayList<>(array.size());
            Map<String, String> seen = new LinkedHashMap<>();
            for (int i = 0; i < array.size(); i++) {
                String at = "entries[" + i + "]";
                JsonNode e = object(array.get(i), at);
                String path = text(e.get("path"), at + ".path");
                String unsafe = EntryPaths.problem(path);
                if (unsafe != null) {
                    throw new BundleException(Reason.UNSAFE_PATH, file, path, Messages.file(file)
                            + ": manifest.json lists the unsafe entry name " + EntryPaths.quote(path) + ": " + unsafe);
                }
                if (path.equals(EntryPaths.MANIFEST)) {
                    throw bad(at + " lists manifest.json itself", null);
                }
                String before = seen.putIfAbsent(EntryPaths.folded(path), path);
                if (before != null) {
                    throw new BundleException(Reason.DUPLICATE_ENTRY, file, path, Messages.file(file)
                            + ": manifest.json lists " + EntryPaths.quote(path) + " twice"
                            + (before.equals(path) ? "" : " (as " + EntryPaths.quote(before) + ", differing in case)"));
                }
                String mediaType = text(e.get("mediaType"), at + ".mediaType");
                if (!BundleEntry.isMediaType(mediaType)) {
                    throw bad(at + ".mediaType " + EntryPaths.quote(mediaType) + " is not a media type", null);
                }
                long size = count(e.get("size"), at + ".size");
                String sha256 = text(e.get("sha256"), at + ".sha256");
                if (!BundleEntry.isSha256(sha256)) {
                    throw bad(at + ".sha256 is not 64 lowercase hex digits", null);
                }
                entries.add(new BundleEntry(path, mediaType, size, sha256));
            }
            return entries;
        }

        private Map<String, Long> redactions(JsonNode object) throws BundleException {
            Map<String, Long> counts = new LinkedHashMap<>();
            if (object != null) {
                for (var field : object.properties()) {
                    counts.put(field.getKey(), count(field.getValue(), "redactions." + field.getKey()));
                }
            }
            return counts;
        }

        private String text(JsonNode parent, String field, boolean required) throws BundleException {
            JsonNode n = parent.get(field);
            if (n == null || n.isNull()) {
                if (required) {
                    throw bad("field \"" + field + "\" is missing", null);
                }
                return null;
            }
            return text(n, field);
        }

        private String text(JsonNode n, String at) throws BundleException {
            if (n == null || n.isNull()) {
                throw bad("field \"" + at + "\" is missing", null);
            }
            if (!n.isTextual()) {
                throw bad("field \"" + at + "\" is not a string", null);
            }
            return n.textValue();
        }

        private Instant instant(JsonNode parent, String field, String at) throws BundleException {
            String s = text(parent.get(field), at);
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                throw bad("field \"" + at + "\" is not an ISO-8601 instant: " + EntryPaths.quote(s), e);
            }
        }

        private long count(JsonNode n, String at) throws BundleException {
            if (n == null || n.isNull()) {
                throw bad("field \"" + at + "\" is missing", null);
            }
            if (!n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < 0) {
                throw bad("field \"" + at + "\" is not a whole number of at least 0", null);
            }
            return n.longValue();
        }

        private JsonNode object(JsonNode parent, String field, String at, boolean required) throws BundleException {
            JsonNode n = parent.get(field);
            if (n == null || n.isNull()) {
                if (required) {
                    throw bad("field \"" + at + "\" is missing", null);
                }
                return null;
            }
            return object(n, at);
        }

        private JsonNode object(JsonNode n, String at) throws BundleException {
            if (n == null || !n.isObject()) {
                throw bad("field \"" + at + "\" is not a JSON object", null);
            }
            return n;
        }

        private JsonNode array(JsonNode parent, String field, String at, boolean required) throws BundleException {
            JsonNode n = parent.get(field);
            if (n == null || n.isNull()) {
                if (required) {
                    throw bad("field \"" + at + "\" is missing", null);
                }
                return null;
            }
            if (!n.isArray()) {
                throw bad("field \"" + at + "\" is not a JSON array", null);
            }
            return n;
        }

        private BundleException bad(String problem, Throwable cause) {
            return new BundleException(Reason.BAD_MANIFEST, file, EntryPaths.MANIFEST,
                    Messages.file(file) + ": bad manifest.json: " + problem, cause);
        }
    }
}
