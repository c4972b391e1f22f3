package io.pitwall.ui.traces;

import io.pitwall.connectors.model.Trace;
import io.pitwall.connectors.model.TraceSummary;
import io.pitwall.ui.workspace.EmptyState;
import java.util.concurrent.CompletableFuture;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * The Traces pane: the search bar, the results (a table and a duration-over-time plot), the
 * waterfall of the open trace with its toolbar, and the selected span's details, in split panes.
 * A header names the source and shows a trace loading (with Cancel); a line says what went wrong.
 * Without a source it says what to connect.
 *
 * <p>For the app: build it on a {@link TracesViewModel}, set the model's range and publisher,
 * forward the workspace's events to {@link TracesViewModel#accept}, and call {@link #open(Trace)}
 * for a file or a bundle with one trace; {@link #loaded()} completes when nothing is loading.
 */
public final class TracesView extends VBox {

    private final TracesViewModel model;
    private final Label title = new Label("Traces");
    private final Label message = new Label();
    private final HBox loadingBox;
    private final TraceSearchBar searchBar;
    private final TraceResults results;
    private final TraceScatter scatter;
    private final TraceWaterfall waterfall;
    private final WaterfallToolbar toolbar;
    private final SpanDetails details = new SpanDetails();
    private final EmptyState empty = new EmptyState(MaterialDesignC.CHART_GANTT, "", "");
    private final SplitPane main;

    /** The span attributes that name a span's pod, workload and service (the user's mapping). */
    public void setSpanAttributes(io.pitwall.connectors.mapping.TraceAttributes attributes) {
        details.setAttributes(attributes);
    }

    public TracesView(TracesViewModel model) {
        this.model = model;
        setId("traces-view");
        getStyleClass().add("pw-traces");
        setSpacing(4);
        setStyle("-fx-padding: 6;");
        title.setId("traces-title");
        title.getStyleClass().add("title-4");
        title.setText(model.sourceName().isEmpty() ? "Traces" : "Traces · " + model.sourceName());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.setMaxSize(16, 16);
        Label loadingText = new Label();
        loadingText.setId("traces-loading-text");
        loadingText.textProperty().bind(model.loadingTextProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("traces-cancel");
        cancel.getStyleClass().add("small");
        cancel.setOnAction(e -> model.cancelLoad());
        loadingBox = new HBox(6, spinner, loadingText, cancel);
        loadingBox.setAlignment(Pos.CENTER_LEFT);
        loadingBox.visibleProperty().bind(model.loadingProperty());
        loadingBox.managedProperty().bind(model.loadingProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(8, title, grow, loadingBox);
        header.setAlignment(Pos.CENTER_LEFT);
        message.setId("traces-message");
        message.setStyle("-fx-text-fill: -pw-critical;");
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        searchBar = new TraceSearchBar(model);
        results = new TraceResults(model.results());
        scatter = new TraceScatter(model.results());
        results.setOnOpen(this::openSummary);
        scatter.setOnPick(this::openSummary);
        SplitPane found = new SplitPane(results, scatter);
        found.setDividerPositions(0.62);

        waterfall = new TraceWaterfall(model.background(), model.fx());
        toolbar = new WaterfallToolbar(waterfall);
        VBox trace = new VBox(4, toolbar, waterfall);
        VBox.setVgrow(waterfall, Priority.ALWAYS);
        SplitPane lower = new SplitPane(trace, details);
        lower.setDividerPositions(0.72);
        SplitPane.setResizableWithParent(details, false);
        main = new SplitPane(found, lower);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.28);
        StackPane body = new StackPane(main, empty);
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(header, message, searchBar, body);

        waterfall.selectedSpanProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0 && waterfall.trace() != null) {
                details.show(waterfall.trace(), b.intValue());
            } else {
                details.clear();
            }
        });
        waterfall.setOnOpen(span -> details.show(waterfall.trace(), span));
        details.setOnJump(waterfall::select);
        details.setOnLogs(model::logsFor);
        details.setOnShowInTopology(model::showInTopology);
        model.traceProperty().addListener((o, a, b) -> {
            waterfall.setData(b);
            scatter.select(b == null ? "" : b.trace().traceId());
            showPhase();
        });
        model.phaseProperty().addListener((o, a, b) -> showPhase());
        showPhase();
    }

    private void openSummary(TraceSummary s) {
        scatter.select(s.traceId());
        model.open(s.traceId());
    }

    private void showPhase() {
        boolean none = !model.hasSource() && model.traceProperty().get() == null;
        empty.set(MaterialDesignC.CLOUD_OFF_OUTLINE, "No traces source", "Connect " + TracesViewModel.whatToConnect()
                + ", or open a trace file.");
        empty.setVisible(none);
        main.setVisible(!none);
        searchBar.setVisible(model.hasSource());
        searchBar.setManaged(model.hasSource());
    }

    // --- for the app and tests ------------------------------------------------------------------

    /** Opens a trace already read (a file, a bundle with one trace); it is laid out off the FX thread. */
    public void open(Trace trace) {
        model.open(trace);
    }

    /** The trace in the waterfall, or null. */
    public Trace traceShown() {
        return waterfall.trace();
    }

    /** Completes (on the FX thread) when no search and no trace is loading (for pictures of the pane). */
    public CompletableFuture<Void> loaded() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Runnable check = () -> {
            if (!model.loadingProperty().get() && model.phaseProperty().get() != TracesViewModel.Phase.SEARCHING) {
                done.complete(null);
            }
        };
        check.run();
        if (!done.isDone()) {
            ChangeListener<Object> listener = (o, a, b) -> check.run();
            model.loadingProperty().addListener(listener);
            model.phaseProperty().addListener(listener);
            done.whenComplete((v, e) -> {
                model.loadingProperty().removeListener(listener);
                model.phaseProperty().removeListener(listener);
            });
        }
        return done;
    }

    public TracesViewModel viewModel() {
        return model;
    }

    public TraceWaterfall waterfall() {
        return waterfall;
    }

    public WaterfallToolbar toolbar() {
        return toolbar;
    }

    public SpanDetails details() {
        return details;
    }

    public TraceSearchBar searchBar() {
        return searchBar;
    }

    public TraceResults results() {
        return results;
    }

    public TraceScatter scatter() {
        return scatter;
    }

    public EmptyState emptyState() {
        return empty;
    }

    public String messageText() {
        return message.getText();
    }
}
