package io.pitwall.connectors.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.LogEntry;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogTimesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // line | instant | where the rest starts
        "2024-01-02T15:04:05.123456789Z stdout F hello | 2024-01-02T15:04:05.123456789Z | 30",
        "2024-01-02T15:04:05Z msg | 2024-01-02T15:04:05Z | 20",
        "2024-01-02T15:04:05.5+02:00 x | 2024-01-02T13:04:05.500Z | 27",
        "2024-01-02T15:04:05.25-0130 x | 2024-01-02T16:34:05.250Z | 27",
        "2024-01-02 15:04:05.123  INFO 1 --- [main] | 2024-01-02T15:04:05.123Z | 23",
        "I0102 15:04:05.123456   1 controller.go:12] synced | 2026-01-02T15:04:05.123456Z | 21",
        "E1231 23:59:59.000001 oops | 2026-12-31T23:59:59.000001Z | 21",
        "Jan  2 15:04:05 host sshd[1]: accepted | 2026-01-02T15:04:05Z | 15",
        "Dec 31 23:59:59.5 host kernel | 2026-12-31T23:59:59.500Z | 17",
    })
    void findsTheTimestampAtTheStartOfALine(String line, String instant, int end) {
        LogTimes.Found found = LogTimes.leading(line, 2026);
        assertThat(found).isNotNull();
        assertThat(found.epochNanos()).isEqualTo(LogEntry.nanos(Instant.parse(instant)));
        assertThat(found.end()).isEqualTo(end);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2024-13-45T15:04:05Z not a date",
        "2024-02-30 10:00:00 no such day",
        "I1302 15:04:05.1 month 13",
        "hello world, no time here",
        "12345678",
        "INFO starting",
    })
    void aLineWithoutAValidTimestampHasNone(String line) {
        assertThat(LogTimes.leading(line, 2026)).isNull();
    }
}
