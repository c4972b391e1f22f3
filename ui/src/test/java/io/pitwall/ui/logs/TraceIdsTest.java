package io.pitwall.ui.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Trace ids found in lines (logs/trace-ids.tsv: the expected ids, tab, line). */
class TraceIdsTest {

    static Stream<Arguments> lines() throws IOException {
        try (InputStream in = TraceIdsTest.class.getResourceAsStream("/logs/trace-ids.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#")).map(l -> {
                int tab = l.indexOf('\t');
                String ids = l.substring(0, tab);
                return Arguments.of(ids.equals("-") ? List.of() : Arrays.asList(ids.split(",")), l.substring(tab + 1));
            }).toList().stream();
        }
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("lines")
    void findsTheIdsAndOnlyThem(List<String> expected, String line) {
        List<TraceIds.Span> found = new TraceIds().find(line);
        assertThat(found).extracting(TraceIds.Span::id).containsExactlyElementsOf(expected);
        for (TraceIds.Span s : found) {
            assertThat(line.substring(s.start(), s.end())).isEqualTo(s.id());
        }
    }

    @Test
    void extraPatternsAndLookupByColumn() {
        TraceIds ids = new TraceIds(List.of(Pattern.compile("\\bxray=(1-[0-9a-f]{8}-[0-9a-f]{24})")));
        String line = "GET /cart xray=1-5759e988-bd862e3fe1be46a994272793 200";
        List<TraceIds.Span> found = ids.find(line);
        assertThat(found).extracting(TraceIds.Span::id).containsExactly("1-5759e988-bd862e3fe1be46a994272793");
        assertThat(ids.at(line, found.getFirst().start() + 3)).isEqualTo("1-5759e988-bd862e3fe1be46a994272793");
        assertThat(ids.at(line, 2)).isNull();
    }
}
