package io.pitwall.ui.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pitwall.connectors.model.LogEntry;
import io.pitwall.connectors.model.LogStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.PatternSyntaxException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The compact store: order, out-of-order batches, eviction, and searching its bytes. */
class LogBufferTest {

    static final LogStream CARTS = new LogStream(Map.of("namespace", "shop", "pod", "carts-1"));
    static final LogStream ORDERS = new LogStream(Map.of("namespace", "shop", "pod", "orders-1"));

    static LogEntry at(long t, LogStream s, String line) {
        return new LogEntry(t, s, line);
    }

    static List<String> lines(LogBuffer b) {
        return IntStream.range(0, b.size()).mapToObj(b::line).toList();
    }

    static long[] ids(Matches m) {
        return java.util.Arrays.copyOf(m.ids(), m.count());
    }

    @Test
    void appendsKeepTextTimeStreamAndLevel() {
        LogBuffer b = new LogBuffer();
        b.append(List.of(at(10, CARTS, "level=info msg=\"one\""), at(20, ORDERS, "E1124 03:12:10.500000 1 x.go:1] boom"),
                at(20, CARTS, "Grüße aus Köln ✓ (UTF-8)"), at(30, CARTS, "café latin-1 only")));
        assertThat(lines(b)).containsExactly("level=info msg=\"one\"", "E1124 03:12:10.500000 1 x.go:1] boom",
                "Grüße aus Köln ✓ (UTF-8)", "café latin-1 only");
        assertThat(b.timeNanos(1)).isEqualTo(20);
        assertThat(b.stream(1)).isEqualTo(ORDERS);
        assertThat(b.stream(2)).isSameAs(b.stream(0));
        assertThat(b.streams()).containsExactly(CARTS, ORDERS);
        assertThat(b.level(0)).isEqualTo(LogLevel.INFO);
        assertThat(b.level(1)).isEqualTo(LogLevel.ERROR);
        assertThat(b.level(3)).isEqualTo(LogLevel.UNKNOWN);
        assertThat(b.firstAtOrAfter(20)).isEqualTo(1);
        assertThat(b.firstAtOrAfter(21)).isEqualTo(3);
        assertThat(b.firstAtOrAfter(99)).isEqualTo(4);
        assertThat(b.version()).isZero();
    }

    @Test
    void aLateBatchLandsWhereItsTimesBelongAndTiesKeepArrivalOrder() {
        LogBuffer b = new LogBuffer();
        b.append(List.of(at(10, CARTS, "c10"), at(30, CARTS, "c30"), at(50, CARTS, "c50")));
        // another pod's lines, themselves out of order, merged in
        b.append(List.of(at(40, ORDERS, "o40"), at(5, ORDERS, "o5"), at(30, ORDERS, "o30"), at(60, ORDERS, "o60")));
        assertThat(lines(b)).containsExactly("o5", "c10", "c30", "o30", "o40", "c50", "o60");
        assertThat(IntStream.range(0, b.size()).mapToLong(b::timeNanos).toArray()).isSorted();
        assertThat(b.version()).isEqualTo(1);
        b.append(List.of(at(60, CARTS, "c60")));
        assertThat(lines(b)).endsWith("o60", "c60");
        assertThat(b.version()).isEqualTo(1); // an append at the end moves no id
    }

    @Test
    void beyondTheCapTheOldestGoFirstAndIdsStay() {
        LogBuffer b = new LogBuffer(1000);
        List<LogEntry> batch = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            batch.add(at(i, CARTS, "line " + i + " " + "x".repeat(i % 50)));
            if (batch.size() == 100) {
                b.append(batch);
                batch.clear();
            }
        }
        assertThat(b.size()).isEqualTo(1000);
        assertThat(b.evicted()).isEqualTo(1500);
        assertThat(b.received()).isEqualTo(2500);
        assertThat(b.line(0)).startsWith("line 1500 ");
        assertThat(b.line(999)).startsWith("line 2499 ");
        Matches m = LogMatcher.match(b, new LogFilter("line 2000 ", false, true, LogLevel.ALL_MASK), () -> false);
        assertThat(ids(m)).containsExactly(2000);
        assertThat(b.line((int) (m.ids()[0] - b.evicted()))).startsWith("line 2000 ");
    }

    @Test
    void evictionFreesChunksOnceTheirLinesAreGone() {
        LogBuffer b = new LogBuffer(2000);
        String big = "y".repeat(10_000);
        for (int i = 0; i < 40; i++) {
            List<LogEntry> batch = new ArrayList<>();
            for (int k = 0; k < 100; k++) {
                batch.add(at(i * 100L + k, CARTS, big));
            }
            b.append(batch);
        }
        long live = b.chunks.stream().filter(java.util.Objects::nonNull).count();
        // 2,000 lines of 10 kB are 20 MB: as many chunks as hold them, give or take the one being written
        long perChunk = LogBuffer.CHUNK / 10_000;
        assertThat(live).isBetween(2000 / perChunk, 2000 / perChunk + 2);
        assertThat(b.chunks.size()).isGreaterThan((int) (4000 / perChunk));
        assertThat(b.textBytes()).isEqualTo(2000L * 10_000);
    }

    @Test
    void plainSearchWithAndWithoutCase() {
        LogBuffer b = sample();
        assertThat(ids(LogMatcher.match(b, new LogFilter("Timeout", false, true, LogLevel.ALL_MASK), () -> false)))
                .containsExactly(2);
        assertThat(ids(LogMatcher.match(b, new LogFilter("timeout", false, false, LogLevel.ALL_MASK), () -> false)))
                .containsExactly(2, 4);
        assertThat(ids(LogMatcher.match(b, new LogFilter("köln", false, true, LogLevel.ALL_MASK), () -> false)))
                .containsExactly(3, 5);
        assertThat(ids(LogMatcher.match(b, new LogFilter("KÖLN", false, false, LogLevel.ALL_MASK), () -> false)))
                .containsExactly(3, 5);
    }

    @Test
    void regexSearchAndLevels() {
        LogBuffer b = sample();
        assertThat(ids(LogMatcher.match(b, new LogFilter("time(out)? after \\d+ ?s", true, false, LogLevel.ALL_MASK),
                () -> false))).containsExactly(1, 2, 4);
        assertThat(ids(LogMatcher.match(b, new LogFilter("^E\\d{4}", true, true, LogLevel.ALL_MASK), () -> false)))
                .containsExactly(2);
        assertThat(ids(LogMatcher.match(b, new LogFilter("", false, false, LogLevel.ERROR.bit() | LogLevel.WARN.bit()),
                () -> false))).containsExactly(1, 2);
        assertThat(ids(LogMatcher.match(b, new LogFilter("timeout", false, false, LogLevel.ERROR.bit()), () -> false)))
                .containsExactly(2);
        assertThatThrownBy(() -> new LogFilter("(unclosed", true, false, LogLevel.ALL_MASK))
                .isInstanceOf(PatternSyntaxException.class);
    }

    @Test
    void searchingOnlyWhatCameSinceAndCancelling() {
        LogBuffer b = sample();
        LogFilter f = new LogFilter("timeout", false, false, LogLevel.ALL_MASK);
        Matches first = LogMatcher.match(b, f, () -> false);
        b.append(List.of(at(100, ORDERS, "another TIMEOUT"), at(101, ORDERS, "fine")));
        Matches since = LogMatcher.match(b, f, first.toId(), () -> false);
        assertThat(ids(since)).containsExactly(6);
        assertThat(ids(first.concat(since))).containsExactly(2, 4, 6);
        assertThat(first.concat(since).lowerBound(3)).isEqualTo(1);
        assertThat(LogMatcher.match(b, f, () -> true)).isNull();
    }

    @Test
    void searchesAcrossManySlicesInOrder() {
        LogBuffer b = new LogBuffer();
        List<LogEntry> batch = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            batch.add(at(i, i % 2 == 0 ? CARTS : ORDERS, i % 1000 == 7 ? "needle at " + i : "hay " + i));
        }
        b.append(batch);
        Matches m = LogMatcher.match(b, new LogFilter("NEEDLE", false, false, LogLevel.ALL_MASK), () -> false);
        assertThat(m.count()).isEqualTo(200);
        assertThat(ids(m)).isSorted().startsWith(7, 1007);
    }

    @Test
    void volumeCountsLinesPerLevelAndBucket() {
        LogBuffer b = sample();
        int[][] v = LogMatcher.volume(b, 0, 60, 3);
        assertThat(v[LogLevel.INFO.ordinal()]).containsExactly(1, 0, 0);
        assertThat(v[LogLevel.WARN.ordinal()]).containsExactly(1, 0, 0);
        assertThat(v[LogLevel.ERROR.ordinal()]).containsExactly(0, 1, 0);
        assertThat(v[LogLevel.UNKNOWN.ordinal()]).containsExactly(0, 1, 2);
    }

    private static LogBuffer sample() {
        LogBuffer b = new LogBuffer();
        b.append(List.of(
                at(0, CARTS, "level=info msg=\"started\""),
                at(10, CARTS, "level=warn msg=\"slow: time after 3 s\""),
                at(20, ORDERS, "E1124 03:12:10.500000 1 db.go:9] Timeout after 30s"),
                at(30, ORDERS, "Grüße aus köln ✓"),
                at(40, CARTS, "retry TIMEOUT after 5 s"),
                at(50, CARTS, "café in köln")));
        return b;
    }

    @Test
    void aLineIsReadByIdWholeOrCutAndNotOnceEvicted() {
        LogBuffer b = new LogBuffer(3);
        b.append(List.of(at(10, CARTS, "zero"), at(20, ORDERS, "level=warn Grüße 😀 end"), at(30, CARTS, "two")));
        LogBuffer.Line line = new LogBuffer.Line();
        assertThat(b.read(1, Integer.MAX_VALUE, line)).isTrue();
        assertThat(line.text).isEqualTo("level=warn Grüße 😀 end");
        assertThat(line.length).isEqualTo(line.text.length());
        assertThat(line.level).isEqualTo(LogLevel.WARN);
        assertThat(line.nanos).isEqualTo(20);
        assertThat(line.stream).isEqualTo(ORDERS);
        // cut before the emoji's surrogate pair, never inside it; the length is still the whole line's
        assertThat(b.read(1, 18, line)).isTrue();
        assertThat(line.text).isEqualTo("level=warn Grüße ");
        assertThat(line.length).isEqualTo("level=warn Grüße 😀 end".length());
        assertThat(b.read(0, 2, line)).isTrue();
        assertThat(line.text).isEqualTo("ze");
        assertThat(line.length).isEqualTo(4);
        b.append(List.of(at(40, CARTS, "three")));
        // id 0 was evicted: its index 0 is now another line, its id is gone
        assertThat(b.read(0, 99, line)).isFalse();
        assertThat(b.read(3, 99, line)).isTrue();
        assertThat(line.text).isEqualTo("three");
        assertThat(b.read(4, 99, line)).isFalse();
    }
}
