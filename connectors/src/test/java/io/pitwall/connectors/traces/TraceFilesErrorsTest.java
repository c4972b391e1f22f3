package io.pitwall.connectors.traces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the user is told about a file that holds no traces. */
class TraceFilesErrorsTest {

    @ParameterizedTest(name = "{index}: {1}")
    @CsvSource(delimiter = '|', value = {
        "'' | The file is empty.",
        "'   \n' | The file is empty.",
        "hello, world | not valid JSON (line 1, column",
        "{\"data\":[{\"traceID\":\"1\",\"spans\":[{\"spanID\" | it looks truncated",
        "[[{\"traceId\":\"1\",\"id\":\"2\"} | it looks truncated",
        "42 | it is a single JSON value, not Jaeger, OTLP or Zipkin v2 JSON.",
        "{\"services\":[\"foo\"]} | it is a JSON object with no traces in it",
        "[{\"parent\":\"a\",\"child\":\"b\",\"callCount\":3}] | a list of objects that are neither traces nor spans",
        "[1, 2] | a list of number values",
        "{\"data\":[]} {} | There is more after the JSON",
        "{\"data\":null,\"errors\":[{\"code\":404,\"msg\":\"trace not found\"}]} | The server answered with an error: trace not found",
        "{\"error\":{\"httpCode\":404,\"message\":\"trace not found\"}} | The server answered with an error: trace not found",
        "{\"data\":{\"x\":1}} | not valid JSON",
        "{\"data\":[{\"traceID\":\"1\",\"spans\":[{\"traceID\":\"1\",\"spanID\":\"2\",\"startTime\":99999999999999999999999}]}]} "
            + "| A number in the file is out of range (line 1).",
    })
    void saysWhatIsWrongInWordsForTheUser(String json, String message) {
        assertThatThrownBy(() -> TraceFixtures.readText(json))
                .isInstanceOf(TraceFileException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Exception", "\tat ", "com.fasterxml"));
    }

    @Test
    void jsonOfOtherKindsFromTheFixturesIsNotATraceFile() {
        for (String name : new String[] {"apiv3-GetServices.json", "ui-dependencies-small.json"}) {
            assertThatThrownBy(() -> TraceFixtures.read(name)).as(name).isInstanceOf(TraceFileException.class)
                    .hasMessageStartingWith("This is not a trace file");
        }
    }

    @Test
    void garbageBytesAndAFileCutShort(@TempDir Path dir) throws Exception {
        byte[] garbage = new byte[256];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = (byte) (i * 31 + 7);
        }
        assertThatThrownBy(() -> TraceFixtures.read(garbage)).isInstanceOf(TraceFileException.class)
                .hasMessageContaining("not valid JSON");

        byte[] whole;
        try (InputStream in = getClass().getResourceAsStream("/traces/ui-trace-genai.json")) {
            whole = in.readAllBytes();
        }
        Path cut = dir.resolve("cut.json");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> TraceFiles.read(cut)).isInstanceOf(TraceFileException.class)
                .hasMessageStartingWith("cut.json: ").hasMessageContaining("truncated");
        assertThatThrownBy(() -> TraceFiles.read(dir.resolve("missing.json"))).isInstanceOf(TraceFileException.class)
                .hasMessageStartingWith("There is no file");
    }

    @Test
    void emptyResultsAreTracesNotErrors() throws Exception {
        assertThat(TraceFixtures.readText("{\"data\":[],\"total\":0}").traces()).isEmpty();
        assertThat(TraceFixtures.readText("{\"data\":[],\"total\":0}").format()).isEqualTo(TraceFormat.JAEGER_V1);
        assertThat(TraceFixtures.readText("{\"result\":{\"resourceSpans\":[]}}").format()).isEqualTo(TraceFormat.OTLP);
        assertThat(TraceFixtures.readText("[]").format()).isEqualTo(TraceFormat.ZIPKIN_V2);
    }
}
