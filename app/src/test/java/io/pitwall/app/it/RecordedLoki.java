package io.pitwall.app.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A Loki (no real one is to be had here) that answers from the streams it was given as Loki's
 * HTTP API does: {@code labels}, {@code label/NAME/values}, {@code series} and
 * {@code query_range} of a stream selector ({@code =}, {@code !=}, {@code =~}, {@code !~},
 * regexes anchored), with Loki's window ({@code start} inclusive, {@code end} exclusive), limit
 * over all streams and direction. Anything else (a line filter, a metric query) is answered 400
 * as Loki answers what it cannot parse, and kept in {@link #unanswered()}.
 */
final class RecordedLoki extends RecordedServer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SELECTOR = Pattern.compile("^\\s*\\{(.*)}\\s*$");
    private static final Pattern MATCHER = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*(,|$)");

    /** One stream: its labels and its lines (nanoseconds since the epoch, text). */
    record Stream(Map<String, String> labels, List<Entry> entries) {
    }

    record Entry(long nanos, String line) {
    }

    private final List<Stream> streams;
    private final List<String> queries = new CopyOnWriteArrayList<>();

    RecordedLoki(List<Stream> streams) throws IOException {
        this.streams = List.copyOf(streams);
        start();
    }

    /** The LogQL queries asked of query_range. */
    List<String> queries() {
        return queries;
    }

    @Override
    protected MockResponse answer(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        try {
            if (path.equals("/loki/api/v1/labels")) {
                TreeSet<String> names = new TreeSet<>();
                streams.forEach(s -> names.addAll(s.labels().keySet()));
                return ok(JSON.valueToTree(names));
            }
            if (path.startsWith("/loki/api/v1/label/") && path.endsWith("/values")) {
                String name = path.substring("/loki/api/v1/label/".length(), path.length() - "/values".length());
                TreeSet<String> values = new TreeSet<>();
                streams.forEach(s -> {
                    if (s.labels().containsKey(name)) {
                        values.add(s.labels().get(name));
                    }
                });
                return ok(JSON.valueToTree(values));
            }
            if (path.equals("/loki/api/v1/series")) {
                ArrayNode out = JSON.createArrayNode();
                for (String selector : request.getUrl().queryParameterValues("match[]")) {
                    List<LabelMatcher> m = parse(selector);
                    streams.stream().filter(s -> matches(s, m)).forEach(s -> out.add(JSON.valueToTree(s.labels())));
                }
                return ok(out);
            }
            if (path.equals("/loki/api/v1/query_range")) {
                String q = request.getUrl().queryParameter("query");
                queries.add(q);
                return queryRange(parse(q), Long.parseLong(request.getUrl().queryParameter("start")),
                        Long.parseLong(request.getUrl().queryParameter("end")),
                        Integer.parseInt(request.getUrl().queryParameter("limit")),
                        !"forward".equals(request.getUrl().queryParameter("direction")));
            }
            unanswered(request.getUrl().toString());
            return new MockResponse.Builder().code(404).body("404 page not found\n").build();
        } catch (IllegalArgumentException e) {
            unanswered(request.getUrl() + ": " + e.getMessage());
            return new MockResponse.Builder().code(400).addHeader("Content-Type", "text/plain; charset=utf-8")
                    .body("parse error : " + e.getMessage()).build();
        }
    }

    private MockResponse queryRange(List<LabelMatcher> selector, long start, long end, int limit, boolean backward) {
        record Hit(Stream stream, Entry entry) {
        }
        List<Hit> hits = new ArrayList<>();
        for (Stream s : streams) {
            if (matches(s, selector)) {
                s.entries().stream().filter(e -> e.nanos() >= start && e.nanos() < end).forEach(e -> hits.add(new Hit(s, e)));
            }
        }
        Comparator<Hit> byTime = Comparator.comparingLong(h -> h.entry().nanos());
        hits.sort(backward ? byTime.reversed() : byTime);
        Map<Stream, ArrayNode> values = new LinkedHashMap<>();
        ArrayNode result = JSON.createArrayNode();
        for (Hit h : hits.subList(0, Math.min(limit, hits.size()))) {
            values.computeIfAbsent(h.stream(), s -> {
                ObjectNode o = result.addObject();
                o.set("stream", JSON.valueToTree(s.labels()));
                return o.putArray("values");
            }).addArray().add(Long.toString(h.entry().nanos())).add(h.entry().line());
        }
        ObjectNode data = JSON.createObjectNode();
        data.put("resultType", "streams");
        data.set("result", result);
        data.putObject("stats");
        return ok(data);
    }

    /** A label matcher of a stream selector. */
    private record LabelMatcher(String label, String op, String value) {

        boolean test(Map<String, String> labels) {
            String v = labels.getOrDefault(label, "");
            return switch (op) {
                case "=" -> v.equals(value);
                case "!=" -> !v.equals(value);
                case "=~" -> Pattern.compile(value).matcher(v).matches();
                default -> !Pattern.compile(value).matcher(v).matches();
            };
        }
    }

    private static boolean matches(Stream s, List<LabelMatcher> selector) {
        return selector.stream().allMatch(m -> m.test(s.labels()));
    }

    /** A stream selector and nothing else; a Loki string's escapes undone. */
    static List<LabelMatcher> parse(String query) {
        Matcher sel = SELECTOR.matcher(query == null ? "" : query);
        if (!sel.matches()) {
            throw new IllegalArgumentException("this recorded Loki answers stream selectors only: " + query);
        }
        List<LabelMatcher> out = new ArrayList<>();
        Matcher m = MATCHER.matcher(sel.group(1));
        int at = 0;
        while (at < sel.group(1).length() && m.find(at) && m.start() == at) {
            out.add(new LabelMatcher(m.group(1), m.group(2), m.group(3).replaceAll("\\\\(.)", "$1")));
            at = m.end();
        }
        if (at != sel.group(1).length() || out.isEmpty()) {
            throw new IllegalArgumentException("not a stream selector: " + query);
        }
        return out;
    }

    private static MockResponse ok(com.fasterxml.jackson.databind.JsonNode data) {
        ObjectNode root = JSON.createObjectNode();
        root.put("status", "success");
        root.set("data", data);
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(root.toString()).build();
    }
}
