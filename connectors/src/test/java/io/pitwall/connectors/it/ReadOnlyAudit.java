package io.pitwall.connectors.it;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads kube-apiserver's audit log (JSON lines, one event per request stage) and checks that
 * every request sent with Pitwall's User-Agent was a read: get, list or watch, or the creation of
 * a SelfSubjectAccessReview or SelfSubjectRulesReview (a question, which changes nothing).
 * Files rotated out beside the log ({@code audit-TIMESTAMP.log}) are read too.
 *
 * <p>A check that sees nothing proves nothing: a missing log, or no request of Pitwall's at all
 * in the window, fails as well.
 */
public final class ReadOnlyAudit {

    /** Verbs that change nothing. */
    static final Set<String> READS = Set.of("get", "list", "watch");
    /** Resources of {@code authorization.k8s.io} whose creation only asks a question. */
    static final Set<String> REVIEWS = Set.of("selfsubjectaccessreviews", "selfsubjectrulesreviews");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request, as its audit events describe it. */
    public record Request(String auditId, Instant at, String user, String userAgent, String verb, String uri,
                          String group, String resource, int code) {

        boolean isRead() {
            return READS.contains(verb)
                    || "create".equals(verb) && "authorization.k8s.io".equals(group) && REVIEWS.contains(resource);
        }

        @Override
        public String toString() {
            return at + " " + verb.toUpperCase(java.util.Locale.ROOT) + " " + uri + " -> " + (code == 0 ? "?" : code)
                    + " (user " + user + ", User-Agent " + userAgent + ")";
        }
    }

    private ReadOnlyAudit() {
    }

    /**
     * Fails unless the audit log at {@code log} holds requests from a User-Agent starting with
     * {@code userAgentPrefix} received at or after {@code since}, and all of them are reads.
     *
     * @return the requests of that User-Agent, each once
     */
    public static List<Request> assertOnlyReads(Path log, String userAgentPrefix, Instant since) {
        if (!Files.isRegularFile(log)) {
            fail("kube-apiserver writes no audit log at " + log + ": it was started without one; restart it with"
                    + " `backends/backends.sh stop apiserver && backends/backends.sh up`");
        }
        List<Request> ours = requests(files(log), since).stream()
                .filter(r -> r.userAgent().startsWith(userAgentPrefix)).toList();
        if (ours.isEmpty()) {
            fail("the audit log " + log + " has no request from User-Agent " + userAgentPrefix + "* since " + since
                    + ": nothing was checked (did the tests that talk to the API server run, with Pitwall's clients?)");
        }
        List<Request> writes = ours.stream().filter(r -> !r.isRead()).toList();
        if (!writes.isEmpty()) {
            fail(writes.size() + " of the " + ours.size() + " requests Pitwall sent since " + since + " were not reads:\n  "
                    + writes.stream().map(Request::toString).collect(Collectors.joining("\n  ")));
        }
        return ours;
    }

    /** The log and the files rotated out of it ({@code NAME-TIMESTAMP.EXT}), oldest first. */
    static List<Path> files(Path log) {
        String name = log.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot < 0 ? name : name.substring(0, dot);
        String ext = dot < 0 ? "" : name.substring(dot);
        Path dir = log.toAbsolutePath().getParent();
        try (Stream<Path> all = Files.list(dir)) {
            List<Path> files = new ArrayList<>(all.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(base + "-") && n.endsWith(ext);
            }).sorted().toList());
            files.add(log);
            return files;
        } catch (IOException e) {
            return fail("cannot list " + dir + ": " + e.getMessage());
        }
    }

    /**
     * The requests received at or after {@code since} in {@code files}, each once (a watch has
     * a ResponseStarted and a ResponseComplete event; the last one seen wins).
     */
    static List<Request> requests(List<Path> files, Instant since) {
        Map<String, Request> byId = new LinkedHashMap<>();
        for (Path f : files) {
            try (BufferedReader in = Files.newBufferedReader(f)) {
                int n = 0;
                String unreadable = null;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    n++;
                    if (unreadable != null) {
                        // only the last line may be half written (the apiserver may be writing it now)
                        fail(f + " line " + (n - 1) + " is not JSON: " + unreadable);
                    }
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode event = json(line);
                    if (event == null) {
                        unreadable = line;
                        continue;
                    }
                    Request r = parse(f, n, event);
                    if (r != null && !r.at().isBefore(since)) {
                        byId.put(r.auditId(), r);
                    }
                }
            } catch (IOException e) {
                fail("cannot read the audit log " + f + ": " + e.getMessage());
            }
        }
        return List.copyOf(byId.values());
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            return null;
        }
    }

    private static Request parse(Path file, int lineNumber, JsonNode e) {
        if (!"Event".equals(e.path("kind").asText())) {
            return null;
        }
        Instant at;
        try {
            at = Instant.parse(e.path("requestReceivedTimestamp").asText());
        } catch (DateTimeParseException ex) {
            return fail(file + " line " + lineNumber + ": no requestReceivedTimestamp: " + e);
        }
        JsonNode ref = e.path("objectRef");
        return new Request(e.path("auditID").asText(), at, e.path("user").path("username").asText(),
                e.path("userAgent").asText(), e.path("verb").asText(), e.path("requestURI").asText(),
                ref.path("apiGroup").asText(""), ref.path("resource").asText(""),
                e.path("responseStatus").path("code").asInt(0));
    }
}
