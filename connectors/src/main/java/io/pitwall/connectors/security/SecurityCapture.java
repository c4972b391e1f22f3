package io.pitwall.connectors.security;

import io.pitwall.connectors.Errors;
import io.pitwall.connectors.kube.Redaction;
import io.pitwall.connectors.model.FindingSource;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.SecurityFinding;
import io.pitwall.connectors.model.Severity;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.snapshot.BundleProblem;
import io.pitwall.connectors.snapshot.BundleWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The security part of an incident bundle (docs/bundle-format.md): {@value #FINDINGS}, one
 * finding a line, standing findings (no time) first, then events oldest first:
 * {@code {"id", "severity", "source", "time" (RFC 3339, nine fraction digits, or null), "rule",
 * "title", "namespace", "object" ({kind, namespace, name} or null), "message", "remediation",
 * "payload" (the original JSON, as a string)}}. The notes of the read (a report kind not
 * installed) and a source that fails are listed in the manifest's problems (signal
 * {@code security}); secret environment values of Falco events are redacted
 * ({@link FalcoRedaction}, counted as {@value #REDACTION_KIND}).
 */
public final class SecurityCapture {

    public static final String FOLDER = "security/";
    public static final String FINDINGS = "security/findings.ndjson";
    /** The read's notes, a JSON array of strings. */
    public static final String NOTES = "security/notes.json";
    /** The manifest's redaction kind for Falco environment values. */
    public static final String REDACTION_KIND = "falco-env";
    static final String SIGNAL = "security";
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final DateTimeFormatter NANOS = new DateTimeFormatterBuilder().appendInstant(9).toFormatter(Locale.ROOT);

    private SecurityCapture() {
    }

    /**
     * Reads the findings of {@code window} and writes them. Nothing is written without a source,
     * and nothing but a problem when the source fails. Blocking: call it off the FX thread.
     */
    public static void write(BundleWriter writer, SecuritySource source, TimeRange window) throws IOException {
        if (source == null) {
            return;
        }
        SecuritySource.Result result;
        try {
            result = await(source.findings(window));
        } catch (ReadFailed | RuntimeException e) {
            writer.addProblem(new BundleProblem(SIGNAL, source.describe() + " failed: " + Errors.firstLine(e)));
            return;
        }
        if (!result.notes().isEmpty()) {
            // what the read could not see (an add-on not installed, a kind not permitted) is part of
            // the security picture, not a failed capture: kept beside the findings, shown offline
            writer.add(NOTES, "application/json", Trees.JSON.writeValueAsBytes(result.notes().stream().map(writer::redact).toList()));
        }
        List<SecurityFinding> findings = new ArrayList<>(result.findings().size());
        long redacted = 0;
        for (SecurityFinding f : result.findings()) {
            FalcoRedaction.Redacted r = FalcoRedaction.redact(f,
                    name -> Redaction.secretLooking(name) || writer.redaction().secretEnv(name));
            findings.add(freeText(r.finding(), writer));
            redacted += r.count();
        }
        findings.sort(Comparator.comparing(SecurityFinding::time, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
                .thenComparing(SecurityFinding::id));
        if (redacted > 0) {
            writer.countRedactions(REDACTION_KIND, redacted);
        }
        writer.add(FINDINGS, "application/x-ndjson", out -> writeFindings(out, findings));
    }

    /**
     * The finding with secrets in its rule, title, message, remediation and payload replaced (a
     * command line with a password, a token in a URL, a cookie): free text, as logs are, counted by
     * kind in the manifest. A JSON payload (a Falco event, a report's result) is redacted value by
     * value, whole where the field names a secret ({@code proc.env[DB_PASSWORD]}), and stays JSON.
     */
    static SecurityFinding freeText(SecurityFinding f, BundleWriter writer) {
        String rule = writer.redact(f.rule());
        String title = writer.redact(f.title());
        String message = writer.redact(f.message());
        String remediation = writer.redact(f.remediation());
        String payload = payload(f.payload(), writer);
        if (rule == f.rule() && title == f.title() && message == f.message() && remediation == f.remediation()
                && payload == f.payload()) {
            return f;
        }
        return new SecurityFinding(f.id(), f.severity(), f.source(), f.time(), rule, title, f.namespace(), f.object(),
                message, remediation, payload);
    }

    private static String payload(String payload, BundleWriter writer) {
        if (payload == null || payload.isBlank()) {
            return payload;
        }
        JsonNode tree;
        try {
            tree = Trees.JSON.readTree(payload);
        } catch (JacksonException notJson) {
            return writer.redact(payload);
        }
        if (!tree.isContainer()) {
            return writer.redact(payload);
        }
        return redactTree(tree, writer) ? tree.toString() : payload;
    }

    /** Redacts the string values of {@code node} in place; whether any changed. */
    private static boolean redactTree(JsonNode node, BundleWriter writer) {
        boolean changed = false;
        if (node instanceof ObjectNode o) {
            for (java.util.Map.Entry<String, JsonNode> e : new ArrayList<>(o.properties())) {
                if (e.getValue().isString()) {
                    String v = e.getValue().asString();
                    String r = writer.redact(e.getKey(), v);
                    if (r != v) {
                        o.put(e.getKey(), r);
                        changed = true;
                    }
                } else {
                    changed |= redactTree(e.getValue(), writer);
                }
            }
        } else if (node instanceof tools.jackson.databind.node.ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isString()) {
                    String v = a.get(i).asString();
                    String r = writer.redact(v);
                    if (r != v) {
                        a.set(i, a.stringNode(r));
                        changed = true;
                    }
                } else {
                    changed |= redactTree(a.get(i), writer);
                }
            }
        }
        return changed;
    }

    /** One JSON object a line (see the class). */
    public static void writeFindings(OutputStream out, List<SecurityFinding> findings) throws IOException {
        for (SecurityFinding f : findings) {
            out.write(Trees.JSON.writeValueAsBytes(json(f)));
            out.write('\n');
        }
    }

    static ObjectNode json(SecurityFinding f) {
        ObjectNode o = Trees.object();
        o.put("id", f.id());
        o.put("severity", f.severity().label());
        o.put("source", f.source().name().toLowerCase(Locale.ROOT));
        if (f.time() == null) {
            o.putNull("time");
        } else {
            o.put("time", NANOS.format(f.time()));
        }
        o.put("rule", f.rule());
        o.put("title", f.title());
        o.put("namespace", f.namespace());
        if (f.object() == null) {
            o.putNull("object");
        } else {
            ObjectNode ref = o.putObject("object");
            ref.put("kind", f.object().kind());
            ref.put("namespace", f.object().namespace());
            ref.put("name", f.object().name());
        }
        o.put("message", f.message());
        o.put("remediation", f.remediation());
        o.put("payload", f.payload());
        return o;
    }

    /**
     * Reads {@value #FINDINGS}; a line that is not a finding is noted
     * ({@code "security/findings.ndjson line 3: not a finding (no id)"}) and skipped.
     */
    public static FalcoFiles.Read readFindings(InputStream in, String name) throws IOException {
        List<SecurityFinding> out = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        var r = io.pitwall.connectors.BoundedLines.utf8(in, io.pitwall.connectors.BoundedLines.DEFAULT_MAX_CHARS);
        int bad = 0;
        for (String text = r.next(); text != null; text = r.next()) {
            int line = r.lineNumber();
            if (text != io.pitwall.connectors.BoundedLines.TOO_LONG && text.isBlank()) {
                continue;
            }
            if (bad >= FalcoFiles.MAX_NOTES && text != io.pitwall.connectors.BoundedLines.TOO_LONG
                    && io.pitwall.connectors.BoundedLines.lacksKey(text, "id")) {
                // only counted from here on: a file of millions of other lines is not parsed (nor thrown about) line by line
                bad++;
                continue;
            }
            try {
                if (text == io.pitwall.connectors.BoundedLines.TOO_LONG) {
                    throw new IllegalArgumentException("longer than " + (io.pitwall.connectors.BoundedLines.DEFAULT_MAX_CHARS >> 20)
                            + " MiB");
                }
                out.add(finding(Trees.JSON.readTree(text)));
            } catch (JacksonException | IllegalArgumentException | java.time.DateTimeException e) {
                String why = e instanceof JacksonException je ? "not JSON: " + FalcoFiles.why(je)
                        : e instanceof java.time.DateTimeException ? "its time is not RFC 3339" : e.getMessage();
                if (++bad <= FalcoFiles.MAX_NOTES) {
                    notes.add(name + " line " + line + ": not a finding (" + why + ")");
                }
            }
        }
        if (bad > FalcoFiles.MAX_NOTES) {
            notes.add(name + ": " + (bad - FalcoFiles.MAX_NOTES) + " more lines that are not findings");
        }
        return new FalcoFiles.Read(out, notes);
    }

    private static SecurityFinding finding(JsonNode n) {
        if (!n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String id = Trees.text(n, "id");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("no id");
        }
        String sourceName = Trees.text(n, "source").toUpperCase(Locale.ROOT);
        FindingSource source;
        try {
            source = FindingSource.valueOf(sourceName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown source \"" + Trees.text(n, "source") + "\"");
        }
        String timeText = Trees.text(n, "time");
        Instant time = Trees.instant(timeText);
        if (time == null && !timeText.isEmpty()) {
            throw new IllegalArgumentException("time \"" + timeText + "\" is not RFC 3339");
        }
        JsonNode ref = n.get("object");
        KubeRef object = ref == null || !ref.isObject() ? null : Trees.ref(ref, "");
        JsonNode payload = n.get("payload");
        String p = payload == null || payload.isNull() ? "{}" : payload.isContainer() ? payload.toString() : payload.asString();
        return new SecurityFinding(id, Severity.parse(Trees.text(n, "severity")), source, time, Trees.text(n, "rule"),
                Trees.text(n, "title"), n.hasNonNull("namespace") ? Trees.text(n, "namespace") : null, object,
                Trees.text(n, "message"), Trees.text(n, "remediation"), p);
    }

    /** A read that failed as a whole, in one line fit for the manifest. */
    private static final class ReadFailed extends Exception {
        ReadFailed(String message) {
            super(message, null, false, false);
        }
    }

    private static <T> T await(CompletableFuture<T> f) throws ReadFailed {
        try {
            return f.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new ReadFailed(Errors.firstLine(e.getCause() == null ? e : e.getCause()));
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new ReadFailed("no answer within " + TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReadFailed("the capture was interrupted");
        } catch (RuntimeException e) {
            throw new ReadFailed(Errors.firstLine(e));
        }
    }
}
