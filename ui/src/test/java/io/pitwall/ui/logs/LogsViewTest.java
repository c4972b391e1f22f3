package io.pitwall.ui.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.logs.LogScope;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.LogEntry;
import io.pitwall.connectors.model.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Logs pane on headless Monocle: search, levels, follow, wrap, jump, copy, expand, links, histogram. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LogsViewTest {

    static final Executor NOW = Runnable::run;
    static final TimeRange RANGE = TimeRange.ending(FakeLogs.T0.plus(Duration.ofHours(2)), Duration.ofHours(2));
    static final int LINES = 5000;

    private final FxRobot robot = new FxRobot();
    private final FakeLogs logs = new FakeLogs();
    private LogsView pane;
    private LogView view;

    @Start
    void start(Stage stage) {
        logs.lines = FakeLogs.mixed(LINES);
        pane = new LogsView(new LogsViewModel(logs, NOW, NOW));
        view = pane.lines();
        Scene scene = new Scene(pane, 1200, 700);
        scene.getStylesheets().add(getClass().getResource("/io/pitwall/ui/topology/tokens.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private void load() {
        robot.interact(() -> {
            pane.model().setRange(RANGE);
            pane.model().setScope(new LogScope.Workload(new KubeRef("Deployment", "sock-shop", "carts")));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private <T> T fx(Supplier<T> read) {
        Object[] out = new Object[1];
        robot.interact(() -> out[0] = read.get());
        @SuppressWarnings("unchecked")
        T t = (T) out[0];
        return t;
    }

    private String line(int index) {
        return fx(() -> view.buffer().line(index));
    }

    @Test
    void typingASearchCountsHitsAndSelectsTheFirstDrawnAndHighlighted() {
        load();
        assertThat(fx(view::rowCount)).isEqualTo(LINES);
        long framesBefore = fx(view::frames);
        robot.clickOn("#log-search-field").write("declined");
        WaitForAsyncUtils.waitForFxEvents();
        int expected = (int) FakeLogs.mixed(LINES).stream().filter(e -> e.line().contains("declined")).count();
        assertThat(fx(() -> pane.searchBar().countText())).isEqualTo(String.format("1 of %,d", expected));
        int hitLine = fx(view::hitLine);
        assertThat(hitLine).isEqualTo(5);
        assertThat(line(hitLine)).contains("payment declined");
        assertThat(fx(view::selectedLine)).isEqualTo(hitLine);
        assertThat(fx(view::frames)).isGreaterThan(framesBefore);
        assertThat(fx(view::drawnLines)).contains(hitLine);

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> pane.searchBar().countText())).isEqualTo(String.format("2 of %,d", expected));
        assertThat(fx(view::selectedLine)).isEqualTo(102);
        assertThat(fx(view::drawnLines)).contains(102);
        robot.press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(view::selectedLine)).isEqualTo(5);

        // case and regex
        robot.interact(() -> pane.searchBar().caseToggle().setSelected(true));
        robot.interact(() -> pane.searchBar().field().setText("DECLINED"));
        assertThat(fx(() -> pane.searchBar().countText())).isEqualTo("no match");
        robot.interact(() -> {
            pane.searchBar().regexToggle().setSelected(true);
            pane.searchBar().field().setText("took=\\d{3}ms line=4\\d{3}$");
        });
        assertThat(fx(view::hitCount)).isEqualTo((int) FakeLogs.mixed(LINES).stream()
                .filter(e -> e.line().matches(".*took=\\d{3}ms line=4\\d{3}$")).count()).isPositive();
        robot.interact(() -> pane.searchBar().field().setText("(unclosed"));
        assertThat(fx(() -> pane.searchBar().countText())).isEqualTo("bad regex");
    }

    @Test
    void levelTogglesAndFilterModeChooseTheRows() {
        load();
        robot.interact(() -> {
            for (LogLevel l : List.of(LogLevel.UNKNOWN, LogLevel.TRACE, LogLevel.DEBUG, LogLevel.INFO)) {
                pane.searchBar().levelToggle(l).setSelected(false);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#log-levels").queryLabeled().getText()).isEqualTo("Levels 3/7");
        // as a user does it: the menu, then a level
        robot.clickOn("#log-levels");
        robot.clickOn("fatal");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pane.searchBar().levelToggle(LogLevel.FATAL).isSelected()).isFalse();
        assertThat(robot.lookup("#log-levels").queryLabeled().getText()).isEqualTo("Levels 2/7");
        robot.interact(() -> pane.searchBar().levelToggle(LogLevel.FATAL).setSelected(true));
        long warnOrWorse = FakeLogs.mixed(LINES).stream().filter(e -> LevelDetector.detect(e.line()).ordinal() >= LogLevel.WARN.ordinal())
                .count();
        assertThat(fx(view::rowCount)).isEqualTo((int) warnOrWorse);
        int[] drawn = fx(view::drawnLines);
        assertThat(drawn).isNotEmpty();
        for (int index : drawn) {
            assertThat(fx(() -> view.buffer().level(index))).isIn(LogLevel.WARN, LogLevel.ERROR);
        }
        robot.interact(() -> {
            pane.searchBar().levelToggle(LogLevel.WARN).setSelected(false);
            pane.searchBar().field().setText("order");
            pane.searchBar().filterToggle().setSelected(true);
        });
        assertThat(fx(view::rowCount)).isEqualTo(fx(view::hitCount)).isEqualTo(52);
        for (int index : fx(view::drawnLines)) {
            assertThat(line(index)).contains("payment declined");
        }
    }

    @Test
    void followPauseAndResume() {
        load();
        robot.interact(() -> pane.setLive(true));
        assertThat(logs.listener).isNotNull();
        robot.interact(() -> logs.listener.entries(FakeLogs.mixed(LINES + 50).subList(LINES, LINES + 50)));
        WaitForAsyncUtils.waitForFxEvents();
        int last = LINES + 49;
        assertThat(fx(view::drawnLines)).contains(last);
        // scrolling up pauses; what arrives is counted
        robot.clickOn("#log-canvas").type(KeyCode.PAGE_UP);
        assertThat(fx(() -> view.followProperty().get())).isFalse();
        robot.interact(() -> logs.listener.entries(FakeLogs.mixed(LINES + 80).subList(LINES + 50, LINES + 80)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> view.newLinesProperty().get())).isEqualTo(30);
        assertThat(fx(view::drawnLines)).doesNotContain(LINES + 79);
        assertThat(robot.lookup("#log-resume").queryButton().getText()).isEqualTo("30 new lines — resume");
        assertThat(robot.lookup("#log-resume").queryButton().isVisible()).isTrue();
        robot.clickOn("#log-resume");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> view.followProperty().get())).isTrue();
        assertThat(fx(view::drawnLines)).contains(LINES + 79);
        assertThat(robot.lookup("#log-resume").queryButton().isVisible()).isFalse();
        assertThat(fx(() -> view.buffer().size())).isEqualTo(LINES + 80);
    }

    @Test
    void wrapShowsALongLineWholeOnSeveralRows() {
        List<LogEntry> lines = new ArrayList<>(FakeLogs.mixed(200));
        lines.set(10, new LogEntry(lines.get(10).epochNanos(), FakeLogs.CARTS, "level=info msg=\"" + "long ".repeat(200) + "END\""));
        logs.lines = lines;
        load();
        robot.interact(() -> view.select(10));
        WaitForAsyncUtils.waitForFxEvents();
        int unwrapped = fx(view::drawnLines).length;
        assertThat(robot.lookup("#log-hbar").query().isVisible()).isTrue();
        robot.clickOn("#logs-wrap");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> view.wrapProperty().get())).isTrue();
        int wrapped = fx(view::drawnLines).length;
        // the long line now takes several rows' height: fewer lines fit
        assertThat(wrapped).isLessThan(unwrapped - 5);
        assertThat(fx(view::drawnLines)).contains(10);
        assertThat(robot.lookup("#log-hbar").query().isVisible()).isFalse();
    }

    @Test
    void jumpToATimeSelectsTheFirstLineAtOrAfterIt() {
        load();
        Instant t = FakeLogs.T0.plusSeconds(3210).plusMillis(400);
        robot.interact(() -> view.jumpTo(t));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(view::selectedLine)).isEqualTo(3211);
        assertThat(fx(view::drawnLines)).contains(3211);
        assertThat(fx(view::topRow)).isEqualTo(3211);
    }

    @Test
    void clickShiftClickAndCtrlCCopyTheLines() {
        load();
        robot.clickOn(rowPoint(2));
        robot.press(KeyCode.SHIFT).clickOn(rowPoint(4)).release(KeyCode.SHIFT);
        robot.press(KeyCode.CONTROL).type(KeyCode.C).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        String copied = fx(() -> Clipboard.getSystemClipboard().getString());
        assertThat(copied).isEqualTo(line(2) + "\n" + line(3) + "\n" + line(4) + "\n");
        robot.type(KeyCode.DOWN);
        assertThat(fx(view::selectedLine)).isEqualTo(5);
        robot.type(KeyCode.END);
        assertThat(fx(view::selectedLine)).isEqualTo(LINES - 1);
        assertThat(fx(view::drawnLines)).contains(LINES - 1);
        robot.type(KeyCode.HOME);
        assertThat(fx(view::selectedLine)).isZero();
        assertThat(fx(view::topRow)).isZero();
        robot.type(KeyCode.PAGE_DOWN);
        assertThat(fx(view::selectedLine)).isEqualTo(fx(view::visibleRows) - 1);
    }

    /** The middle of line {@code index}'s row on the screen, over its text. */
    private javafx.geometry.Point2D rowPoint(int index) {
        return fx(() -> {
            double y = view.rowY(index);
            assertThat(y).isNotNegative();
            return view.localToScreen(400, y + 6);
        });
    }

    @Test
    void enterPrettyPrintsAJsonLineAndATraceIdIsALink() {
        load();
        robot.interact(() -> view.select(5));
        robot.interact(view::requestFocus);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(view::expandedLines)).contains("  \"level\" : \"error\",", "  \"msg\" : \"payment declined\",");
        List<String> opened = new ArrayList<>();
        robot.interact(() -> pane.setOnTraceLink(opened::add));
        robot.interact(view::redrawNow);
        List<LogPainter.Link> links = fx(view::drawnLinks);
        assertThat(links).isNotEmpty();
        LogPainter.Link link = links.getFirst();
        javafx.geometry.Point2D p = fx(() -> view.localToScreen(link.x() + link.w() / 2, link.y() + link.h() / 2));
        robot.clickOn(p);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened).containsExactly("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void draggingAcrossTheHistogramSelectsATimeRange() {
        load();
        List<TimeRange> chosen = new ArrayList<>();
        robot.interact(() -> pane.setOnRangeSelected(chosen::add));
        assertThat(fx(() -> pane.histogram().total())).isEqualTo(LINES);
        VolumeHistogram h = pane.histogram();
        javafx.geometry.Bounds b = fx(() -> h.localToScreen(h.getBoundsInLocal()));
        robot.drag(b.getMinX() + b.getWidth() * 0.25, b.getMinY() + 20).dropTo(new javafx.geometry.Point2D(b.getMinX() + b.getWidth() * 0.5,
                b.getMinY() + 20));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chosen).hasSize(1);
        TimeRange r = chosen.getFirst();
        // a quarter to a half of the loaded two hours, give or take a pixel
        assertThat(Duration.between(RANGE.from(), r.from()).toMinutes()).isBetween(28L, 32L);
        assertThat(r.length().toMinutes()).isBetween(28L, 32L);
    }

    @Test
    void clickingTheHistogramJumpsToThatMoment() {
        load();
        VolumeHistogram h = pane.histogram();
        javafx.geometry.Bounds b = fx(() -> h.localToScreen(h.getBoundsInLocal()));
        robot.clickOn(new javafx.geometry.Point2D(b.getMinX() + b.getWidth() * 0.5, b.getMinY() + 20));
        WaitForAsyncUtils.waitForFxEvents();
        // half way into the two hours (the lines cover the first 83 minutes), give or take a pixel's worth
        java.time.Instant at = java.time.Instant.ofEpochSecond(0, fx(() -> view.buffer().timeNanos(view.selectedLine())));
        assertThat(Duration.between(RANGE.from(), at).toMinutes()).isBetween(58L, 62L);
    }

    @Test
    void emptyStatesAndFailuresSayWhat() {
        assertThat(fx(() -> pane.emptyState().titleText())).isEqualTo("Nothing selected");
        logs.answer = java.util.concurrent.CompletableFuture.failedFuture(
                new io.pitwall.connectors.logs.LogQueryException("unreachable", "Loki at http://127.0.0.1:3100 refused the connection"));
        load();
        assertThat(fx(() -> pane.emptyState().titleText())).isEqualTo("The logs could not be read");
        assertThat(fx(() -> pane.emptyState().hintText())).isEqualTo("Loki at http://127.0.0.1:3100 refused the connection");
        assertThat(fx(pane::messageText)).doesNotContain("Exception").doesNotContain("\tat ");
        logs.answer = null;
        logs.lines = List.of();
        robot.interact(() -> pane.model().reload());
        assertThat(fx(() -> pane.emptyState().titleText())).isEqualTo("No lines in this range");
        LogsView none = fx(() -> new LogsView(new LogsViewModel(java.util.Optional.empty(), NOW, NOW)));
        assertThat(fx(() -> none.emptyState().titleText())).isEqualTo("No logs source");
        assertThat(fx(() -> none.emptyState().hintText())).startsWith("Connect Loki or a cluster");
    }
}
