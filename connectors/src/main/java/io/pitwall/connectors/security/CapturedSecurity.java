package io.pitwall.connectors.security;

import io.pitwall.connectors.model.SecurityFinding;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.snapshot.Bundle;
import io.pitwall.connectors.snapshot.BundleEntry;
import io.pitwall.connectors.snapshot.BundleProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Security findings already on this machine, served with no network: a bundle's
 * ({@value SecurityCapture#FINDINGS} and any Falco JSON-lines file of {@code security/}, such as
 * {@code security/falco.ndjson}) or a Falco file's. {@link #findings} answers the events of the
 * window and every standing finding (one without a time), with the notes of the read (lines that
 * were not findings, problems the capture met). Answers are worked out on the given executor.
 */
public final class CapturedSecurity implements SecuritySource {

    private final List<SecurityFinding> findings;
    private final List<String> notes;
    private final String where;
    private final Executor executor;

    /**
     * @param findings the findings (an id seen twice: the first is kept)
     * @param notes    what the read could not read, shown with every answer
     * @param where    what holds them ("bundle incident.pitwall", "file events.txt")
     */
    public CapturedSecurity(Collection<SecurityFinding> findings, List<String> notes, String where, Executor executor) {
        Map<String, SecurityFinding> byId = new LinkedHashMap<>();
        for (SecurityFinding f : findings) {
            byId.putIfAbsent(f.id(), f);
        }
        this.findings = List.copyOf(byId.values());
        this.notes = List.copyOf(notes);
        this.where = where;
        this.executor = executor;
    }

    /** As above, answering on a virtual thread per call. */
    public CapturedSecurity(Collection<SecurityFinding> findings, List<String> notes, String where) {
        this(findings, notes, where, r -> Thread.ofVirtual().name("pitwall-captured-security").start(r));
    }

    /** Whether {@code bundle} holds anything of the security folder. */
    public static boolean holds(Bundle bundle) {
        return bundle.entries().stream().anyMatch(e -> e.path().startsWith(SecurityCapture.FOLDER));
    }

    /**
     * The findings of a bundle: {@value SecurityCapture#FINDINGS}, then every other JSON file of
     * {@code security/} read as Falco events; the manifest's security problems are notes too.
     * Lines that cannot be read are notes, never a failure; a file that cannot be opened throws.
     */
    public static CapturedSecurity read(Bundle bundle, String where) throws IOException {
        List<SecurityFinding> all = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (BundleProblem p : bundle.manifest().problems()) {
            if (p.signal().equals(SecurityCapture.SIGNAL)) {
                notes.add("at capture: " + p.message());
            }
        }
        if (bundle.has(SecurityCapture.NOTES)) {
            try (InputStream in = bundle.open(SecurityCapture.NOTES)) {
                Trees.JSON.readTree(in).forEach(n -> notes.add(n.asString()));
            } catch (tools.jackson.core.JacksonException e) {
                notes.add(SecurityCapture.NOTES + ": not read (" + e.getOriginalMessage() + ")");
            }
        }
        if (bundle.has(SecurityCapture.FINDINGS)) {
            try (InputStream in = bundle.open(SecurityCapture.FINDINGS)) {
                FalcoFiles.Read r = SecurityCapture.readFindings(in, SecurityCapture.FINDINGS);
                all.addAll(r.findings());
                notes.addAll(r.notes());
            }
        }
        for (BundleEntry e : bundle.entries()) {
            String path = e.path();
            if (!path.startsWith(SecurityCapture.FOLDER) || path.equals(SecurityCapture.FINDINGS)
                    || path.equals(SecurityCapture.NOTES)) {
                continue;
            }
            String lower = path.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".ndjson") || lower.endsWith(".jsonl") || lower.endsWith(".json")) {
                try (InputStream in = bundle.open(path)) {
                    FalcoFiles.Read r = FalcoFiles.read(in, path);
                    all.addAll(r.findings());
                    notes.addAll(r.notes());
                }
            } else {
                notes.add(path + ": not read (the security folder's files are findings.ndjson and Falco JSON lines)");
            }
        }
        return new CapturedSecurity(all, notes, where);
    }

    /** The Falco events of a file ({@link FalcoFiles}), as "file NAME". */
    public static CapturedSecurity falcoFile(Path file) throws IOException {
        FalcoFiles.Read r = FalcoFiles.read(file);
        return new CapturedSecurity(r.findings(), r.notes(), "file " + file.getFileName());
    }

    /** Every finding held, timed or not. */
    public List<SecurityFinding> all() {
        return findings;
    }

    public List<String> notes() {
        return notes;
    }

    /** The window the timed findings cover (one second wide at least), or empty when none has a time. */
    public Optional<TimeRange> extent() {
        Instant from = null;
        Instant to = null;
        for (SecurityFinding f : findings) {
            if (f.time() != null) {
                from = from == null || f.time().isBefore(from) ? f.time() : from;
                to = to == null || f.time().isAfter(to) ? f.time() : to;
            }
        }
        if (from == null) {
            return Optional.empty();
        }
        Instant end = to.isBefore(from.plusSeconds(1)) ? from.plusSeconds(1) : to.plusNanos(1);
        return Optional.of(new TimeRange(from, end));
    }

    @Override
    public String describe() {
        return where;
    }

    @Override
    public CompletableFuture<Result> findings(TimeRange window) {
        return CompletableFuture.supplyAsync(() -> {
            List<SecurityFinding> out = new ArrayList<>();
            for (SecurityFinding f : findings) {
                if (f.time() == null || window.contains(f.time())) {
                    out.add(f);
                }
            }
            return new Result(out, notes);
        }, executor);
    }
}
