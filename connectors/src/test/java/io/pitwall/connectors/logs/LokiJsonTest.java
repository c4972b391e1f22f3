package io.pitwall.connectors.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.LogEntry;
import io.pitwall.connectors.model.MetricSeries;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Loki query_range answers as a file or a bundle may hold them: one bad value costs that value. */
class LokiJsonTest {

    private static LokiJson.Data read(String json) throws IOException {
        return LokiJson.response(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), new LokiJson.Interner()).data();
    }

    @Test
    void aLineWhoseTimeIsNotNanosecondsIsSkippedAndTheOthersKept() throws IOException {
        LokiJson.Data d = read("""
                {"status":"success","data":{"resultType":"streams","result":[{"stream":{"pod":"carts-0"},"values":[
                  ["1795000000000000000","first"],
                  ["%s","a time of many digits"],
                  ["1795000000000000001",{"not":"a line"}],
                  "not a pair", [], ["1795000000000000002"],
                  ["1795000000000000003","with metadata",{"trace_id":"abc"}],
                  ["1795000000000000004","last"]]}]}}""".formatted("9".repeat(300)));
        assertThat(d.entries()).extracting(LogEntry::line).containsExactly("first", "with metadata", "last");
        assertThat(d.skipped()).isEqualTo(5);
    }

    @Test
    void samplesAndLinesOfOneStreamKeepTheirOwnTimes() throws IOException {
        LokiJson.Data d = read("""
                {"status":"success","data":{"resultType":"matrix","result":[{"metric":{"level":"error"},"values":[
                  [1795000000,"3"],[1e300,"4"],["1795000000000000000","a line in a matrix"],[1795000060.5,"NaN"]]}]}}""");
        assertThat(d.series()).singleElement().satisfies(s -> {
            assertThat(s.timesMillis()).containsExactly(1_795_000_000_000L, 1_795_000_060_500L);
            assertThat(s.size()).isEqualTo(2);
        });
        assertThat(d.skipped()).isEqualTo(1);
        assertThat(d.series()).extracting(MetricSeries::size).containsExactly(2);
    }
}
