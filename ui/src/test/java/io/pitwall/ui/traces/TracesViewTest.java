package io.pitwall.ui.traces;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.Trace;
import io.pitwall.ui.event.WorkspaceEvent;
import io.pitwall.ui.workspace.PaneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Traces pane on headless Monocle: rows, details, collapse, scroll, keys, find, zoom, search bar, events. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class TracesViewTest {

    static final Executor NOW = Runnable::run;

    private final FxRobot robot = new FxRobot();
    private final FakeTraces source = new FakeTraces();
    private final List<WorkspaceEvent> published = new ArrayList<>();
    private TracesView pane;
    private TraceWaterfall waterfall;

    @Start
    void start(Stage stage) {
        TracesViewModel model = new TracesViewModel(Optional.of(source), NOW, NOW);
        model.setPublisher(published::add);
        model.setRange(TracesViewModelTest.RANGE);
        pane = new TracesView(model);
        waterfall = pane.waterfall();
        Scene scene = new Scene(pane, 1240, 780);
        scene.getStylesheets().add(getClass().getResource("/io/pitwall/ui/topology/tokens.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private <T> T fx(Supplier<T> read) {
        Object[] out = new Object[1];
        robot.interact(() -> out[0] = read.get());
        @SuppressWarnings("unchecked")
        T t = (T) out[0];
        return t;
    }

    private void open(Trace t) {
        robot.interact(() -> pane.open(t));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Point2D onScreen(Optional<Point2D> inWaterfall) {
        Point2D p = inWaterfall.orElseThrow();
        return fx(() -> waterfall.localToScreen(p));
    }

    @Test
    void aRealTraceShowsItsRowsAndAClickedRowsTagsInTheDetails() {
        Trace t = TraceFixtures.fixture("zipkin-v2-smartthings-oauth-authorization.json");
        open(t);
        assertThat(fx(pane::traceShown)).isSameAs(t);
        assertThat(fx(waterfall::rowCount)).isEqualTo(t.spanCount());
        assertThat(fx(waterfall::drawnSpans)).startsWith(t.preorder()[0], t.preorder()[1]);
        int span = t.preorder()[2];
        robot.clickOn(onScreen(fx(() -> waterfall.rowCentre(span))));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(waterfall::selectedSpan)).isEqualTo(span);
        assertThat(fx(() -> pane.details().span().orElseThrow().spanId())).isEqualTo(t.spanId(span));
        assertThat(fx(() -> pane.details().shownTags())).isEqualTo(t.tags().asMap(span)).isNotEmpty();
        assertThat(fx(() -> pane.details().titleText())).isEqualTo(t.service(span) + " · " + t.operation(span));
    }

    @Test
    void clickingARowsTriangleCollapsesAndExpandsItsSubtree() {
        Trace t = TraceFixtures.fixture("zipkin-v2-smartthings-oauth-authorization.json");
        open(t);
        int root = t.root(0);
        int size = fx(() -> waterfall.rows().subtreeSize(root));
        assertThat(size).isGreaterThan(1);
        robot.clickOn(onScreen(fx(() -> waterfall.toggleCentre(root))));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(waterfall::rowCount)).isEqualTo(t.spanCount() - size + 1);
        assertThat(fx(() -> waterfall.rows().isCollapsed(root))).isTrue();
        assertThat(fx(waterfall::selectedSpan)).isEqualTo(-1); // the triangle folds, it does not select
        robot.clickOn(onScreen(fx(() -> waterfall.toggleCentre(root))));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(waterfall::rowCount)).isEqualTo(t.spanCount());
    }

    @Test
    void scrollsByWheelScrollBarKeysAndMinimap() {
        Trace t = TraceFixtures.generated(3_000);
        open(t);
        int visible = fx(waterfall::visibleRows);
        assertThat(visible).isBetween(10, 60);
        robot.interact(() -> waterfall.scrollTo(500));
        javafx.scene.Node canvas = robot.lookup("#trace-waterfall-canvas").query();
        // Monocle's robot sends no wheel events: the wheel's event, as a mouse sends it, three notches down
        robot.interact(() -> javafx.event.Event.fireEvent(canvas, new javafx.scene.input.ScrollEvent(
                javafx.scene.input.ScrollEvent.SCROLL, 300, 300, 300, 300, false, false, false, false, false, false,
                0, -120, 0, -120, javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
        WaitForAsyncUtils.waitForFxEvents();
        int afterWheel = fx(waterfall::topRow);
        assertThat(afterWheel).isEqualTo(506);
        assertThat(fx(waterfall::drawnSpans)[0]).isEqualTo(fx(() -> waterfall.rows().span(afterWheel)));
        robot.interact(() -> waterfall.select(t.preorder()[0]));
        robot.interact(waterfall::requestFocus);
        robot.type(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(waterfall::topRow)).isEqualTo(3_000 - visible);
        assertThat(fx(waterfall::selectedSpan)).isEqualTo(t.preorder()[2_999]);
        robot.type(KeyCode.HOME);
        robot.type(KeyCode.LEFT); // collapses the root
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(waterfall::rowCount)).isEqualTo(1);
        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.RIGHT); // expands, then goes to the first child
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(waterfall::selectedSpan)).isEqualTo(t.child(t.root(0), 0));
        double middle = fx(() -> waterfall.minimap().getHeight() / 2);
        robot.interact(() -> waterfall.minimap().clickAt(middle));
        int top = fx(waterfall::topRow);
        assertThat(top).isBetween(1_300, 1_700);
        javafx.scene.control.ScrollBar bar = robot.lookup("#trace-waterfall-vbar").queryAs(javafx.scene.control.ScrollBar.class);
        assertThat(fx(bar::getValue)).isEqualTo((double) top);
        robot.interact(() -> bar.setValue(100));
        assertThat(fx(waterfall::topRow)).isEqualTo(100);
    }

    @Test
    void findHighlightsCountsAndStepsToMatchesInsideCollapsedSubtrees() {
        Trace t = TraceFixtures.generated(3_000);
        open(t);
        robot.interact(waterfall::collapseAll);
        int[] expected = SpanMatcher.find(t, "items/2500?");
        assertThat(expected).hasSize(1);
        robot.clickOn("#trace-find-field").write("items/2500?");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> pane.toolbar().countText())).isEqualTo("1 of 1");
        assertThat(fx(waterfall::currentHit)).isEqualTo(expected[0]);
        int row = fx(() -> waterfall.rows().rowOf(expected[0]));
        assertThat(row).isPositive(); // revealed
        assertThat(fx(waterfall::drawnSpans)).contains(expected[0]);
        robot.interact(() -> pane.toolbar().findField().setText("service-7"));
        WaitForAsyncUtils.waitForFxEvents();
        int count = SpanMatcher.find(t, "service-7").length;
        assertThat(fx(() -> pane.toolbar().countText())).isEqualTo(String.format("1 of %,d", count));
        robot.clickOn("#trace-find-next");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> pane.toolbar().countText())).isEqualTo(String.format("2 of %,d", count));
        assertThat(fx(waterfall::drawnSpans)).contains(fx(waterfall::currentHit));
    }

    @Test
    void aDragOnTheTimeAxisZoomsAndResetShowsTheWholeTrace() {
        Trace t = TraceFixtures.fixture("zipkin-v2-smartthings-oauth-authorization.json");
        open(t);
        Point2D row = onScreen(fx(() -> waterfall.rowCentre(t.preorder()[0])));
        double headerY = fx(() -> waterfall.localToScreen(0, TraceMinimap.HEIGHT + 10)).getY();
        double left = fx(() -> waterfall.localToScreen(waterfall.getWidth() * 0.5, 0)).getX();
        robot.drag(new Point2D(left, headerY)).dropTo(new Point2D(left + 200, headerY));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(waterfall::zoomed)).isTrue();
        assertThat(fx(waterfall::viewFrom)).isGreaterThan(t.startNanos());
        assertThat(fx(waterfall::viewTo)).isLessThan(t.endNanos());
        robot.clickOn("#trace-reset-zoom");
        assertThat(fx(waterfall::zoomed)).isFalse();
        assertThat(row).isNotNull();
    }

    @Test
    void theSearchBarRefusesBadTagsAndDurationsAndSearchesGoodOnes() {
        source.add(TraceFixtures.fixture("ui-trace-genai.json"));
        robot.interact(() -> pane.viewModel().serviceProperty().set("checkout"));
        robot.clickOn("#trace-tags").write("error");
        robot.clickOn("#trace-search");
        assertThat(fx(pane::messageText)).isEqualTo("Tags: \"error\" has no value: write tags as key=value, separated by spaces.");
        assertThat(source.searches).isEmpty();
        robot.interact(() -> pane.searchBar().tagsField().setText("error=true http.status_code=500"));
        robot.interact(() -> pane.searchBar().minField().setText("1.5 seconds"));
        robot.clickOn("#trace-search");
        assertThat(fx(pane::messageText)).startsWith("Min duration: \"1.5 seconds\" is not a duration");
        robot.interact(() -> pane.searchBar().minField().setText("1.5s"));
        robot.interact(() -> pane.searchBar().maxField().setText("100ms"));
        robot.clickOn("#trace-search");
        assertThat(fx(pane::messageText)).contains("longer than the max");
        robot.interact(() -> pane.searchBar().maxField().setText(""));
        robot.clickOn("#trace-search");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(pane::messageText)).isEmpty();
        assertThat(source.searches).hasSize(1);
        assertThat(source.searches.getFirst().tags()).containsEntry("error", "true").containsEntry("http.status_code", "500");
        assertThat(source.searches.getFirst().minDuration()).contains(java.time.Duration.ofMillis(1500));
        assertThat(fx(() -> pane.results().getItems().size())).isEqualTo(1);
        robot.clickOn(".table-row-cell");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(pane::traceShown).traceId()).isEqualTo(source.traces.keySet().iterator().next());
    }

    @Test
    void theDetailsButtonsPublishLogsAndTopologyAndReferencesJump() {
        Trace t = TraceFixtures.generated(200);
        open(t);
        int span = t.preorder()[5];
        robot.interact(() -> waterfall.select(span));
        robot.clickOn("#span-logs");
        robot.clickOn("#span-topology");
        assertThat(published).hasSize(2);
        assertThat(((WorkspaceEvent.LogsRequested) published.get(0)).traceId()).isEqualTo(t.traceId());
        KubeRef pod = new KubeRef("Pod", "", t.processTags().get(t.process(span), "hostname"));
        assertThat(published.get(1)).isEqualTo(new WorkspaceEvent.Selected(PaneId.TRACES, pod));
        robot.clickOn(".span-ref");
        assertThat(fx(waterfall::selectedSpan)).isEqualTo(t.parent(span));
    }

    @Test
    void flaggedSpansStayAndAreExplained() {
        Trace t = TraceFixtures.fixture("handmade-orphans-duplicates.json");
        open(t);
        assertThat(fx(waterfall::rowCount)).isEqualTo(t.spanCount());
        int orphan = java.util.stream.IntStream.range(0, t.spanCount()).filter(i -> t.has(i, Trace.ORPHAN)).findFirst().orElseThrow();
        robot.interact(() -> waterfall.select(orphan));
        assertThat(fx(() -> pane.details().span().orElseThrow().flags() & Trace.ORPHAN)).isEqualTo(Trace.ORPHAN);
        assertThat(SpanFlags.tooltip(t, orphan)).contains("Orphan: its parent span is not in the trace");
    }
}
