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
 * well-formed (or a string longer than a line may be) stops it, and the caller reads the file
 * again line by line ({@link LogsCapture#readEntries(LogsCapture.Source)}).
 */
final class NdjsonEntries {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(BoundedLines.DEFAULT_MAX_CHARS).build())
            .build();

    private NdjsonEntries() {
    }

    /** The file's entries, or null when its JSON is damaged (read it line by line then). */
    static LogsCapture.Read read(InputStream in) throws IOException {
        EntryStreams streams = new EntryStreams(new LokiJson.Interner());
        List<LogEntry> out = new ArrayList<>();
        int skipped = 0;
        String first = null;
        int lastLine = 0;
        try (JsonParser p = FACTORY.createParser(in)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                int line = p.currentTokenLocation().getLineNr();
                if (line == lastLine) {
                    return null; // two values on one line: what the line-by-line reading makes of it, it says
                }
                lastLine = line;
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
            return null;
        }
        return new LogsCapture.Read(out, skipped, first);
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
