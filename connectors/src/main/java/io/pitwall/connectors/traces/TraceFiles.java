package io.pitwall.connectors.traces;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pitwall.connectors.model.Trace;
import io.pitwall.connectors.model.TraceBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a trace file or API response, telling its format by its structure (never by its name):
 * Jaeger v1 ({@code {"data":[...]}}, a trace object, or a list of them), OTLP JSON
 * ({@code resourceSpans}, or Jaeger v2's {@code {"result":{"resourceSpans":...}}}) or Zipkin v2 (a
 * list of spans, or a list of lists). Anything else, an empty file, truncated JSON or not JSON at
 * all is a {@link TraceFileException} whose message can be shown to the user as it is.
 * Call it off the FX thread: a 100,000-span file takes a good part of a second.
 */
public final class TraceFiles {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TraceFiles() {
    }

    public static TraceFile read(Path file) throws TraceFileException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (NoSuchFileException e) {
            throw new TraceFileException("There is no file " + file + ".");
        } catch (TraceFileException e) {
            throw new TraceFileException(file.getFileName() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new TraceFileException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads the whole stream (the caller closes it). */
    public static TraceFile read(InputStream in) throws TraceFileException {
        try (JsonParser p = MAPPER.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new TraceFileException("The file is empty.");
            }
            TraceFile file = switch (t) {
                case START_OBJECT -> object(p);
                case START_ARRAY -> array(p);
                default -> throw notTraces("a single JSON value");
            };
            if (p.nextToken() != null) {
                throw new TraceFileException("There is more after the JSON (line " + p.currentLocation().getLineNr() + ").");
            }
            return file;
        } catch (TraceFileException e) {
            throw e;
        } catch (JsonEOFException e) {
            throw new TraceFileException("The file ends in the middle of its JSON (line " + e.getLocation().getLineNr()
                    + "): it looks truncated.", e);
        } catch (StreamConstraintsException e) {
            throw new TraceFileException("The JSON goes beyond what can be read: " + e.getOriginalMessage(), e);
        } catch (JsonParseException e) {
            if (String.valueOf(e.getOriginalMessage()).contains("end-of-input")) {
                throw new TraceFileException("The file ends in the middle of its JSON (line " + e.getLocation().getLineNr()
                        + "): it looks truncated.", e);
            }
            throw new TraceFileException("This is not a trace file: it is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
                    + firstLine(e.getOriginalMessage()) + ").", e);
        } catch (ArithmeticException e) {
            throw new TraceFileException("A time in the file is out of range.", e);
        } catch (com.fasterxml.jackson.core.exc.InputCoercionException e) {
            throw new TraceFileException("A number in the file is out of range"
                    + (e.getLocation() == null ? "." : " (line " + e.getLocation().getLineNr() + ")."), e);
        } catch (IOException e) {
            String m = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new TraceFileException("Cannot read the traces: " + firstLine(m == null ? "" : m.length() > 160
                    ? m.substring(0, 160) + "..." : m), e);
        }
    }

    private static TraceFile object(JsonParser p) throws IOException {
        List<Trace> v1 = new ArrayList<>();
        boolean data = false;
        boolean otlp = false;
        String error = null;
        Map<String, TraceBuilder> builders = new LinkedHashMap<>();
        JaegerJson.TraceReader single = new JaegerJson.TraceReader();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken t = p.nextToken();
            if (JaegerJson.TraceReader.isTraceField(f)) {
                single.field(p, f);
                continue;
            }
            switch (f) {
                case "data" -> {
                    data = true;
                    JaegerJson.traces(p, v1);
                }
                case "resourceSpans" -> {
                    otlp = true;
                    OtlpJson.resourceSpans(p, builders);
                }
                case "result" -> {
                    if (t != JsonToken.START_OBJECT) {
                        p.skipChildren();
                        break;
                    }
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String g = p.currentName();
                        p.nextToken();
                        if (g.equals("resourceSpans")) {
                            otlp = true;
                            OtlpJson.resourceSpans(p, builders);
                        } else {
                            p.skipChildren();
                        }
                    }
                }
                case "error", "errors" -> error = errorMessage(p.readValueAsTree());
                default -> p.skipChildren();
            }
        }
        if (single.seen()) {
            v1.add(single.build());
        }
        if ((data || single.seen()) && !otlp) {
            if (v1.isEmpty() && error != null) {
                throw new TraceFileException("The server answered with an error: " + error);
            }
            return new TraceFile(TraceFormat.JAEGER_V1, v1);
        }
        if (otlp && !data && !single.seen()) {
            return new TraceFile(TraceFormat.OTLP, build(builders));
        }
        if (error != null) {
            throw new TraceFileException("The server answered with an error: " + error);
        }
        throw otlp ? notTraces("a mix of Jaeger and OTLP JSON") : notTraces("a JSON object with no traces in it");
    }

    private static TraceFile array(JsonParser p) throws IOException {
        List<Trace> v1 = new ArrayList<>();
        Map<String, TraceBuilder> builders = new LinkedHashMap<>();
        ZipkinJson zipkin = new ZipkinJson(builders);
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new JsonEOFException(p, null, "the list is not closed");
            }
            if (t == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    zipkin.span(p.readValueAsTree());
                }
                expectEnd(p);
                continue;
            }
            if (t != JsonToken.START_OBJECT) {
                throw notTraces("a list of " + (t.isNumeric() ? "number" : t == JsonToken.VALUE_STRING ? "text" : "other") + " values");
            }
            JaegerJson.TraceReader reader = new JaegerJson.TraceReader();
            ObjectNode other = MAPPER.createObjectNode();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                if (JaegerJson.TraceReader.isTraceField(f)) {
                    reader.field(p, f);
                } else {
                    other.set(f, p.readValueAsTree());
                }
            }
            if (reader.seen()) {
                v1.add(reader.build());
            } else if (other.properties().stream().anyMatch(e -> ZipkinJson.isSpanField(e.getKey()))) {
                zipkin.span(other);
            } else {
                throw notTraces("a list of objects that are neither traces nor spans");
            }
        }
        if (!v1.isEmpty() && !builders.isEmpty()) {
            throw notTraces("a mix of Jaeger traces and Zipkin spans");
        }
        return v1.isEmpty() ? new TraceFile(TraceFormat.ZIPKIN_V2, build(builders)) : new TraceFile(TraceFormat.JAEGER_V1, v1);
    }

    private static void expectEnd(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.END_ARRAY) {
            throw notTraces("a list of lists holding something other than spans");
        }
    }

    private static List<Trace> build(Map<String, TraceBuilder> builders) {
        List<Trace> traces = new ArrayList<>(builders.size());
        for (TraceBuilder b : builders.values()) {
            traces.add(b.build());
        }
        return traces;
    }

    private static String errorMessage(JsonNode node) {
        if (node == null || node.isNull() || node.isEmpty() && !node.isValueNode()) {
            return null;
        }
        JsonNode first = node.isArray() ? node.get(0) : node;
        for (String f : new String[] {"message", "msg"}) {
            if (first.hasNonNull(f)) {
                return first.get(f).asText();
            }
        }
        return first.toString();
    }

    private static TraceFileException notTraces(String what) {
        return new TraceFileException("This is not a trace file: it is " + what
                + ", not Jaeger, OTLP or Zipkin v2 JSON.");
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
