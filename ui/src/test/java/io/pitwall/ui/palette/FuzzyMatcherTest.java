package io.pitwall.ui.palette;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FuzzyMatcherTest {

    private static Command c(String title) {
        return new Command(title.toLowerCase().replace(' ', '.'), title, "", () -> {
        });
    }

    private static final List<Command> ALL = List.of(c("Reset layout"), c("Theme: Dark"), c("Theme: Light"),
            c("Theme: High contrast"), c("Focus pane: Logs"), c("Switch context: prod-eu-west"),
            c("Time range: last 15m"));

    @ParameterizedTest
    @CsvSource({
        "rl, Reset layout",
        "reset, Reset layout",
        "thd, Theme: Dark",
        "theme light, Theme: Light",
        "hc, Theme: High contrast",
        "logs, Focus pane: Logs",
        "prod eu, Switch context: prod-eu-west",
        "15m, Time range: last 15m",
    })
    void bestMatchComesFirst(String query, String expected) {
        assertThat(FuzzyMatcher.rank(query, ALL).getFirst().title()).isEqualTo(expected);
    }

    @Test
    void lettersOutOfOrderDoNotMatch() {
        assertThat(FuzzyMatcher.score("dt", "Theme: Dark")).isEqualTo(-1);
        assertThat(FuzzyMatcher.rank("zzz", ALL)).isEmpty();
    }

    @Test
    void blankQueryListsEverythingInOrder() {
        assertThat(FuzzyMatcher.rank("  ", ALL)).containsExactlyElementsOf(ALL);
    }
}
