package io.pitwall.connectors.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryErrorsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // Prometheus 2.17+ (and Thanos, Mimir): line:column, 1-based
            "invalid parameter \"query\": 1:5: parse error: unexpected <op:*> | sum(*up) | 4",
            "1:1: parse error: unexpected end of input | x | 0",
            // the second line starts after the newline
            "invalid parameter \"query\": 2:3: parse error: unexpected identifier | sum(\\n  up foo) | 7",
            // older Prometheus
            "parse error at char 9: unexpected right parenthesis ')' | rate(up[5m]))) | 8",
            "parse error at line 2, char 1: unexpected | a +\\nb b | 4",
            // clamped to the query's end
            "1:99: parse error: unclosed left parenthesis | sum(up | 6",
            "bad_data: no position here | up | -1",
            "execution: 12:30:00 is not a parse error | up | -1"})
    void positionFromTheError(String error, String query, int expected) {
        OptionalInt p = QueryErrors.position(error, query.replace("\\n", "\n"));
        if (expected < 0) {
            assertThat(p).isEmpty();
        } else {
            assertThat(p).hasValue(expected);
        }
    }
}
