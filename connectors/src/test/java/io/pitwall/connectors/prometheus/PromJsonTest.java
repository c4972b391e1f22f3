package io.pitwall.connectors.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.pitwall.connectors.model.MetricSeries;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PromJsonTest {

    @Test
    void matrixFromThePrometheusDocsIntoParallelArrays() throws Exception {
        PromJson.Envelope<List<MetricSeries>> e = PromJson.envelope(Fixtures.open("query_range-matrix-up.json"), PromJson::result);
        assertThat(e.status()).isEqualTo("success");
        assertThat(e.data()).hasSize(2);
        MetricSeries first = e.data().getFirst();
        assertThat(first.labels()).containsEntry("__name__", "up").containsEntry("job", "prometheus")
                .containsEntry("instance", "localhost:9090");
        assertThat(first.timesMillis()).containsExactly(1435781430781L, 1435781445781L, 1435781460781L);
        assertThat(first.values()).containsExactly(1, 1, 1);
        assertThat(e.data().get(1).values()).containsExactly(0, 0, 1);
    }

    @Test
    void vectorGivesOneSamplePerSeries() throws Exception {
        var e = PromJson.envelope(Fixtures.open("query-vector-up.json"), PromJson::result);
        assertThat(e.data()).extracting(MetricSeries::size).containsExactly(1, 1);
        assertThat(e.data().get(1).labels()).containsEntry("instance", "localhost:9100");
        assertThat(e.data().get(1).timesMillis()[0]).isEqualTo(1435781451781L);
    }

    @Test
    void wholeSecondTimesAndIrregularSteps() throws Exception {
        var e = PromJson.envelope(in("""
                {"status":"success","data":{"resultType":"matrix","result":[
                  {"metric":{"__name__":"go_goroutines","job":"prometheus"},
                   "values":[[1641889533,"21"],[1641889534,"32"],[1641889537,"43"]]}]}}"""), PromJson::result);
        MetricSeries s = e.data().getFirst();
        assertThat(s.timesMillis()).containsExactly(1641889533000L, 1641889534000L, 1641889537000L);
        assertThat(s.values()).containsExactly(21, 32, 43);
        assertThat(s.name()).isEqualTo("go_goroutines");
    }

    @Test
    void labelNamesAndValues() throws Exception {
        assertThat(PromJson.envelope(Fixtures.open("labels.json"), PromJson::strings).data())
                .hasSize(21).startsWith("__name__", "call");
        assertThat(PromJson.envelope(Fixtures.open("label-values.json"), PromJson::strings).data())
                .containsExactly("200", "504");
    }

    @Test
    void specialValuesFieldsInAnyOrderWarningsAndHistogramsSkipped() throws Exception {
        String body = """
                {"warnings":["PromQL info: metric might not be a counter"],
                 "data":{"result":[{"values":[[1,"NaN"],[2,"+Inf"],[3,"-Inf"],[4,"1e+00"],[5.5,"-0.25"]],
                                    "histograms":[[6,{"count":"1","sum":"2","buckets":[[0,"0","1","1"]]}]],
                                    "metric":{"a":"b"}}],
                         "resultType":"matrix"},
                 "status":"success"}""";
        var e = PromJson.envelope(in(body), PromJson::result);
        assertThat(e.warnings()).containsExactly("PromQL info: metric might not be a counter");
        MetricSeries s = e.data().getFirst();
        assertThat(s.timesMillis()).containsExactly(1000, 2000, 3000, 4000, 5500);
        assertThat(s.values()[0]).isNaN();
        assertThat(s.values()[1]).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(s.values()[2]).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(s.values()[3]).isEqualTo(1.0);
        assertThat(s.values()[4]).isEqualTo(-0.25);
    }

    @Test
    void scalarResultIsOneSeriesWithoutLabels() throws Exception {
        var e = PromJson.envelope(in("{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1700000000.5,\"2\"]}}"),
                PromJson::result);
        assertThat(e.data()).singleElement().satisfies(s -> {
            assertThat(s.labels()).isEmpty();
            assertThat(s.timesMillis()).containsExactly(1700000000500L);
            assertThat(s.values()).containsExactly(2);
        });
    }

    @Test
    void errorEnvelope() throws Exception {
        var e = PromJson.envelope(in("{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"1:5: parse error: unexpected\"}"),
                PromJson::result);
        assertThat(e.isError()).isTrue();
        assertThat(e.errorType()).isEqualTo("bad_data");
        assertThat(e.error()).startsWith("1:5");
    }

    @Test
    void truncatedBodyIsAParseError() {
        assertThatThrownBy(() -> PromJson.envelope(in("{\"status\":\"success\",\"data\":{\"result\":[{\"values\":[[1,\"2\"]"),
                PromJson::result)).isInstanceOf(JsonProcessingException.class);
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "1.5, 1.5", "NaN, NaN", "+Inf, Infinity", "-Inf, -Infinity", "1e+00, 1", "1e21, 1.0E21"})
    void valuesBothWays(String prometheus, double value) {
        assertThat(Double.compare(PromJson.parseValue(prometheus), value)).isZero();
        assertThat(Double.compare(PromJson.parseValue(PromJson.formatValue(value)), value)).isZero();
    }

    private static ByteArrayInputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
