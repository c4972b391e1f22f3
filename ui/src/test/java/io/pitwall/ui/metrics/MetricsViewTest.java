package io.pitwall.ui.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.metrics.PanelSpec;
import io.pitwall.connectors.metrics.QueryException;
import io.pitwall.connectors.metrics.Unit;
import io.pitwall.connectors.model.MetricSeries;
import io.pitwall.connectors.model.RangeResult;
import io.pitwall.connectors.model.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class MetricsViewTest {

    private static final TimeRange RANGE = TimeRange.ending(Instant.parse("2026-11-24T03:30:00Z"), Duration.ofHours(1));
    private MetricsView view;

    @Start
    void start(Stage stage) {
        view = new MetricsView(() -> List.of("container_memory_working_set_bytes", "up"));
        stage.setScene(new Scene(view, 1200, 800));
        stage.show();
    }

    private static MetricSeries ramp(String pod, int points) {
        long[] t = new long[points];
        double[] v = new double[points];
        long from = RANGE.from().toEpochMilli();
        long span = RANGE.to().toEpochMilli() - from;
        for (int i = 0; i < points; i++) {
            t[i] = from + span * i / Math.max(1, points - 1);
            v[i] = 100e6 + 150e6 * i / points + (i % 7) * 1e6;
        }
        return new MetricSeries(Map.of("pod", pod), t, v);
    }

    @Test
    void chartsShowTheirLinesInTwoColumnsAndSayWhyOneIsEmpty(FxRobot robot) throws Exception {
        ChartData memory = new ChartData("memory", "Memory", Unit.BYTES, List.of(
                new ChartData.Line("carts", PanelSpec.Role.VALUE, ramp("carts", 20_000)),
                new ChartData.Line("limit", PanelSpec.Role.LIMIT, ramp("limit", 2))), Optional.empty());
        ChartData cpu = new ChartData("cpu", "CPU", Unit.CORES, List.of(),
                Optional.of("container_cpu_usage_seconds_total is not in Prometheus"));
        robot.interact(() -> view.showCharts(List.of(memory, cpu)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.charts()).hasSize(2);
        assertThat(view.charts().getFirst().dataSets()).hasSize(2);
        assertThat(view.charts().getFirst().dataSets().getFirst().getDataCount()).isEqualTo(20_000);
        // 20,000 points in a few hundred pixels: drawn as their envelope
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> view.charts().getFirst().envelopeFrames() > 0);
        assertThat(view.charts().get(1).problemLabel().isVisible()).isTrue();
        assertThat(view.charts().get(1).problemLabel().getText()).contains("container_cpu_usage_seconds_total");
        // side by side at 1200 px
        assertThat(view.charts().get(1).getLayoutX()).isGreaterThan(view.charts().getFirst().getLayoutX());
        assertThat(robot.lookup("#metrics-chart-memory").tryQuery()).isPresent();
    }

    @Test
    void aQueryErrorIsShownWhereTheUserTyped(FxRobot robot) {
        view.setQueryRunner(q -> CompletableFuture.failedFuture(new QueryException("bad_data",
                "invalid parameter \"query\": 1:5: parse error: unexpected \")\"", OptionalInt.of(4))));
        robot.clickOn("#promql-field").write("rate(");
        robot.interact(() -> view.queryBar().field().setText("rate()"));
        robot.clickOn("#promql-run");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.queryBar().errorLabel().isVisible()).isTrue();
        assertThat(view.queryBar().errorLabel().getText()).contains("parse error");
        assertThat(view.queryBar().field().getSelection().getStart()).isEqualTo(4);
        assertThat(view.queryChartShown()).isFalse();
        assertThat(view.queryBar().history()).containsExactly("rate()");
    }

    @Test
    void aQueryDrawsItsSeriesAboveTheGraphs(FxRobot robot) {
        view.setQueryRunner(q -> CompletableFuture.completedFuture(new RangeResult(q, RANGE, Duration.ofSeconds(15),
                List.of(ramp("a", 100), ramp("b", 100)), List.of())));
        robot.interact(() -> view.queryBar().field().setText("up"));
        robot.clickOn("#promql-run");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.queryChartShown()).isTrue();
        assertThat(view.queryChart().dataSets()).hasSize(2);
        assertThat(view.queryBar().errorLabel().isVisible()).isFalse();
        robot.clickOn("#metrics-close-query");
        assertThat(view.queryChartShown()).isFalse();
    }

    @Test
    void theOverviewTilesSayWhatTheClusterUses(FxRobot robot) {
        io.pitwall.connectors.model.Overview o = new io.pitwall.connectors.model.Overview("namespace sock-shop",
                java.util.OptionalDouble.of(2), 8, java.util.OptionalDouble.empty(), 16.0 * (1L << 30),
                Map.of("Running", 12, "Pending", 1), 4, 1, 2, 3);
        robot.interact(() -> view.showOverview(Optional.of(o)));
        WaitForAsyncUtils.waitForFxEvents();
        OverviewTiles tiles = view.tiles();
        assertThat(tiles.isVisible()).isTrue();
        assertThat(tiles.tiles().getFirst().getValue()).isEqualTo(25.0);
        assertThat(tiles.tiles().getFirst().getDescription()).isEqualTo("2 cores of 8 cores");
        assertThat(tiles.tiles().get(1).getDescription()).isEqualTo("no usage metrics");
        assertThat(tiles.tiles().get(2).getChartData()).extracting(d -> d.getName()).containsExactlyInAnyOrder("Running", "Pending");
        assertThat(tiles.tiles().get(4).getValue()).isEqualTo(1.0);
        assertThat(tiles.tiles().get(5).getDescription()).isEqualTo("of 3 nodes");
        robot.interact(() -> view.showOverview(Optional.empty()));
        assertThat(tiles.isVisible()).isFalse();
    }
}
