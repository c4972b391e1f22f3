package io.pitwall.ui.metrics;

import io.pitwall.connectors.metrics.PanelSpec;
import io.pitwall.connectors.metrics.QueryException;
import io.pitwall.connectors.metrics.Unit;
import io.pitwall.connectors.model.MetricSeries;
import io.pitwall.connectors.model.RangeResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Metrics pane: the resource graphs of the selection (two columns when there is room), and
 * a free PromQL query whose chart sits above them until closed.
 */
public final class MetricsView extends VBox {

    private final Label scope = new Label();
    private final Label status = new Label();
    private final QueryBar queryBar;
    private final GridPane grid = new GridPane();
    private final MetricChart queryChart = new MetricChart();
    private final Button closeQuery = new Button("Close query");
    private final VBox queryBox = new VBox(4);
    private final OverviewTiles tiles = new OverviewTiles();
    private final List<MetricChart> charts = new ArrayList<>();
    private Function<String, CompletableFuture<RangeResult>> runner =
            q -> CompletableFuture.failedFuture(new QueryException("unavailable", "No metrics source", OptionalInt.empty()));
    private int columns;
    private MetricChart.TimeLinks timeLinks = MetricChart.TimeLinks.NONE;
    private java.time.Instant cursor;

    public MetricsView(Supplier<Collection<String>> vocabulary) {
        setId("metrics-view");
        getStyleClass().add("pw-metrics");
        setSpacing(6);
        scope.setId("metrics-scope");
        scope.getStyleClass().add("title-4");
        status.getStyleClass().add("text-muted");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        queryBar = new QueryBar(vocabulary);
        queryBar.setOnRun(this::run);
        queryChart.setId("metrics-query-chart");
        closeQuery.setId("metrics-close-query");
        closeQuery.getStyleClass().add("small");
        closeQuery.setOnAction(e -> showQueryChart(false));
        queryBox.getChildren().addAll(queryChart, closeQuery);
        queryChart.setPrefHeight(260);
        showQueryChart(false);
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setId("metrics-grid");
        grid.setMaxWidth(Double.MAX_VALUE);
        tiles.setVisible(false);
        tiles.setManaged(false);
        VBox body = new VBox(8, tiles, queryBox, grid);
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        HBox header = new HBox(8, scope, grow, status);
        getChildren().addAll(header, queryBar, scroll);
        setStyle("-fx-padding: 6;");
        widthProperty().addListener((o, a, b) -> relayout());
    }

    /** Where free queries go: the session's metrics over the current range. */
    public void setQueryRunner(Function<String, CompletableFuture<RangeResult>> runner) {
        this.runner = runner;
    }

    /** Says what the graphs are about ("pod sock-shop/carts-...") and how fresh they are. */
    public void showScope(String title, String statusText) {
        scope.setText(title);
        status.setText(statusText);
    }

    /** The overview tiles above the graphs (for the cluster or a namespace), or none. */
    public void showOverview(Optional<io.pitwall.connectors.model.Overview> overview) {
        overview.ifPresent(tiles::show);
        tiles.setVisible(overview.isPresent());
        tiles.setManaged(overview.isPresent());
    }

    public OverviewTiles tiles() {
        return tiles;
    }

    public void showCharts(List<ChartData> data) {
        while (charts.size() < data.size()) {
            MetricChart c = new MetricChart();
            c.setPrefHeight(240);
            c.setTimeLinks(timeLinks);
            charts.add(c);
        }
        while (charts.size() > data.size()) {
            charts.removeLast();
        }
        for (int i = 0; i < data.size(); i++) {
            charts.get(i).show(data.get(i));
            charts.get(i).setId("metrics-chart-" + data.get(i).id());
        }
        columns = -1;
        relayout();
        showCursor(cursor);
    }

    /** Where every chart's hovers, clicks and dragged windows go (the shared cursor and range). */
    public void setTimeLinks(MetricChart.TimeLinks links) {
        timeLinks = links == null ? MetricChart.TimeLinks.NONE : links;
        charts.forEach(c -> c.setTimeLinks(timeLinks));
        queryChart.setTimeLinks(timeLinks);
    }

    /** The shared time cursor's marker on every chart (null: none). */
    public void showCursor(java.time.Instant at) {
        cursor = at;
        charts.forEach(c -> c.showCursor(at));
        queryChart.showCursor(at);
    }

    private void relayout() {
        int want = getWidth() >= 900 && charts.size() > 1 ? 2 : 1;
        if (want == columns && grid.getChildren().size() == charts.size()) {
            return;
        }
        columns = want;
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        for (int c = 0; c < want; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / want);
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
        }
        for (int i = 0; i < charts.size(); i++) {
            grid.add(charts.get(i), i % want, i / want);
        }
    }

    private void run(String promql) {
        runner.apply(promql).whenComplete((result, error) -> Platform.runLater(() -> {
            if (error != null) {
                Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                if (e instanceof QueryException q) {
                    queryBar.showError(q.getMessage(), q.position());
                } else {
                    queryBar.showError("The query failed: " + e.getMessage(), OptionalInt.empty());
                }
                return;
            }
            List<ChartData.Line> lines = new ArrayList<>();
            for (MetricSeries s : result.series()) {
                lines.add(new ChartData.Line(io.pitwall.connectors.metrics.Legends.render("", s.labels()), PanelSpec.Role.VALUE, s));
            }
            Optional<String> problem = result.series().isEmpty()
                    ? Optional.of("The query returned no series in this range.") : Optional.empty();
            if (!result.warnings().isEmpty()) {
                problem = Optional.of(String.join("\n", result.warnings()));
            }
            queryChart.show(new ChartData("query", promql, Unit.COUNT, lines, problem));
            showQueryChart(true);
        }));
    }

    private void showQueryChart(boolean visible) {
        queryBox.setVisible(visible);
        queryBox.setManaged(visible);
    }

    public QueryBar queryBar() {
        return queryBar;
    }

    public List<MetricChart> charts() {
        return List.copyOf(charts);
    }

    public MetricChart queryChart() {
        return queryChart;
    }

    public boolean queryChartShown() {
        return queryBox.isVisible();
    }
}
