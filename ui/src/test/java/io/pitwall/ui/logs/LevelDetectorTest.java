package io.pitwall.ui.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Levels of lines in the formats real components write (logs/levels.tsv: expected level, tab, line). */
class LevelDetectorTest {

    static Stream<Arguments> lines() throws IOException {
        try (InputStream in = LevelDetectorTest.class.getResourceAsStream("/logs/levels.tsv")) {
            List<String> rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#")).toList();
            assertThat(rows).hasSizeGreaterThan(30);
            return rows.stream().map(l -> {
                int tab = l.indexOf('\t');
                return Arguments.of(LogLevel.valueOf(l.substring(0, tab)), l.substring(tab + 1));
            });
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("lines")
    void detectsTheLevelTheLineStates(LogLevel expected, String line) {
        assertThat(LevelDetector.detect(line)).isEqualTo(expected);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"warning,WARN", "Warn,WARN", "err,ERROR", "notice,INFO", "dpanic,FATAL",
        "30,INFO", "verbose,DEBUG", "bogus,UNKNOWN"})
    void namesAndNumbers(String value, LogLevel expected) {
        assertThat(LevelDetector.named(value)).isEqualTo(expected);
    }
}
