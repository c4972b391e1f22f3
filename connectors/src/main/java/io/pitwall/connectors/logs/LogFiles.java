package io.pitwall.connectors.logs;

import io.pitwall.connectors.model.LogEntry;
import io.pitwall.connectors.model.LogStream;
import io.pitwall.connectors.prometheus.PromJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Log files a user opens directly: a Loki {@code query_range} response (streams) saved from a
 * browser or {@code curl}, or a plain text log. A text log is read line by line (a huge file is
 * never held twice: each line is kept once, as its entry's text); a line's leading timestamp
 * ({@link LogTimes}) is its time, a line without one (a stack trace's) takes the previous line's,
 * and a file with no timestamps at all gets times in file order, a millisecond apart, ending at the
 * file's last change. Its stream has one label, {@code file}.
 */
public final class LogFiles {

    private LogFiles() {
    }

    /** The lines of a Loki streams response in {@code file}; empty when the file is not one. */
    public static Optional<CapturedLogs> lokiResponse(Path file) throws IOException {
        String name = file.getFileName().toString();
        PromJson.Envelope<LokiJson.Data> e;
        try (InputStream in = Files.newInputStream(file)) {
            e = LokiJson.response(in, new LokiJson.Interner());
        } catch (IOException | RuntimeException notLoki) {
            return Optional.empty();
        }
        if (!"success".equals(e.status()) || e.data() == null || !e.data().isStreams() || !e.data().series().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CapturedLogs(e.data().entries(), name));
    }

    /** Whether the start of {@code file} looks like text (no NUL byte in its first 64 KiB). */
    public static boolean looksLikeText(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(64 * 1024);
            for (byte b : head) {
                if (b == 0) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The lines of a plain text log. */
    public static CapturedLogs text(Path file) throws IOException {
        String name = file.getFileName().toString();
        Instant modified = Files.getLastModifiedTime(file).toInstant();
        int year = modified.atZone(ZoneOffset.UTC).getYear();
        LogStream stream = new LogStream(Map.of("file", name));
        List<String> lines = new ArrayList<>();
        long[] times = new long[1024];
        boolean anyTime = false;
        long last = Long.MIN_VALUE;
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                LogTimes.Found f = LogTimes.leading(line, year);
                if (f != null) {
                    anyTime = true;
                    last = f.epochNanos();
                }
                if (lines.size() == times.length) {
                    times = Arrays.copyOf(times, times.length * 2);
                }
                times[lines.size()] = last;
                lines.add(line);
            }
        }
        int n = lines.size();
        long end = LogEntry.nanos(modified);
        List<LogEntry> entries = new ArrayList<>(n);
        long firstTime = Long.MIN_VALUE;
        for (int i = 0; i < n && anyTime; i++) {
            if (times[i] != Long.MIN_VALUE) {
                firstTime = times[i];
                break;
            }
        }
        for (int i = 0; i < n; i++) {
            long t;
            if (!anyTime) {
                t = end - (n - 1 - i) * 1_000_000L; // file order, a millisecond apart
            } else if (times[i] == Long.MIN_VALUE) {
                t = firstTime; // lines before the first timestamp take it
            } else {
                t = times[i];
            }
            entries.add(new LogEntry(t, stream, lines.get(i)));
            lines.set(i, null); // the entry holds the text now
        }
        return new CapturedLogs(entries, name);
    }
}
