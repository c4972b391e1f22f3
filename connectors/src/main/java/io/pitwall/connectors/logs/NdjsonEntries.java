package io.pitwall.connectors.logs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.pitwall.connectors.BoundedLines;
import io.pitwall.connectors.model.LogEntry;
import io.pitwall.connectors.model.LogStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code logs/entries.ndjson} read in one streaming parse of its bytes, the values one after
 * another: about twice as fast as parsing each line on its own. A value that is well-formed JSON
 * but not a log line is skipped as the line-by-line reading skips it; JSON that is not
 * well-formed (or a string longer than a line may be) stops it, and the caller reads the rest of
 * the file line by line from the line of the value it stopped at
 * ({@link LogsCapture#readEntries(LogsCapture.Source)}): a 1 GiB file cut short in its last line
 * is not parsed twice.
 */
final class NdjsonEntries {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(BoundedLines.DEFAULT_MAX_CHARS).build())
            .build();

    private NdjsonEntries() {
    }

    /**
     * What the parse read: all of the file ({@code resumeByte} -1), or the values of the lines
     * before the one it stopped at, and where that line's value starts (its byte and line).
     */
    record Outcome(LogsCapture.Read read, long resumeByte, int resumeLine) {

        boolean complete() {
            return resumeByte < 0;
        }
    }

    /** The file's entries, or those before its JSON is damaged and where to go on line by line. */
    static Outcome read(InputStream in, int max) throws IOException {
        EntryStreams streams = new EntryStreams(new LokiJson.Interner());
        List<LogEntry> out = new ArrayList<>();
        int skipped = 0;
        String first = null;
        int lastLine = 0;
        // the state before the value of the last line: what the line-by-line reading goes on from
        int markSize = 0;
        int markSkipped = 0;
        String markFirst = null;
        long markByte = 0;
        int markLine = 1;
        try (JsonParser p = FACTORY.createParser(in)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (out.size() >= max) {
                    return new Outcome(new LogsCapture.Read(out, skipped, first, true), -1, 0);
                }
                var at = p.currentTokenLocation();
                int line = at.getLineNr();
                if (line == lastLine) {
                    // two values on one line: what the line-by-line reading makes of it, it says
                    throw new com.fasterxml.jackson.core.JsonParseException(p, "two values on one line");
                }
                lastLine = line;
                markSize = out.size();
                markSkipped = skipped;
                markFirst = first;
                markByte = at.getByteOffset();
                markLine = line;
                String problem;
                if (t != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    problem = "not an object";
                } else {
                    problem = entry(p, streams, out);
                }
                if (problem != null) {
                    first = first == null ? "line " + line + ": " + problem : first;
                    skipped++;
                }
            }
        } catch (com.fasterxml.jackson.core.JacksonException damaged) {
            return new Outcome(new LogsCapture.Read(new ArrayList<>(out.subList(0, markSize)), markSkipped, markFirst),
                    Math.max(0, markByte), markLine);
        }
        return new Outcome(new LogsCapture.Read(out, skipped, first), -1, 0);
    }

    /** One object into {@code out}; why it is not a log line, or null. */
    private static String entry(JsonParser p, EntryStreams streams, List<LogEntry> out) throws IOException {
        Long time = null;
        LogStream stream = null;
        String line = null;
        String problem = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "time" -> {
                    if (t == JsonToken.VALUE_STRING) {
                        try {
                            time = LogsCapture.epochNanos(p.getText());
                        } catch (java.time.DateTimeException | ArithmeticException e) {
                            problem = problem == null ? LogsCapture.BAD_TIME : problem;
                        }
                    } else {
                        time = null;
                        p.skipChildren();
                    }
                }
                case "labels" -> stream = streams.read(p, t);
                case "line" -> {
                    line = t == JsonToken.VALUE_STRING ? p.getText() : null;
                    p.skipChildren();
                }
                default -> p.skipChildren();
            }
        }
        if (problem != null) {
            return problem;
        }
        if (time == null || line == null) {
            return "no time or no line";
        }
        out.add(new LogEntry(time, stream != null ? stream : streams.none(), line));
        return null;
    }
}
