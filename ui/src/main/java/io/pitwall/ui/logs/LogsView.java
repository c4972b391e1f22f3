package io.pitwall.ui.logs;

import io.pitwall.connectors.model.TimeRange;
import io.pitwall.ui.workspace.EmptyState;
import java.time.Instant;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * The Logs pane: a header (whose logs, from where, the tail's state), the LogQL field when the
 * source speaks it, what went wrong in words, the search and filter bar, the volume histogram and
 * the lines. Says what is missing when there is nothing to show.
 */
public final class LogsView extends VBox {

    private final LogsViewModel model;
    private final Label title = new Label();
    private final Label tailState = new Label();
    private final Label dropped = new Label();
    private final Label message = new Label();
    private final ScopeChooser containers = new ScopeChooser();
    private final ToggleButton wrap = new ToggleButton("Wrap");
    private final ToggleButton follow = new ToggleButton("Follow");
    private final LogView lines;
    private final LogSearchBar search;
    private final VolumeHistogram histogram = new VolumeHistogram();
    private final LogQlBar logql;
    private final EmptyState empty = new EmptyState(MaterialDesignT.TEXT_BOX_SEARCH_OUTLINE, "", "");
    private boolean volumeRunning;
    private boolean volumeDirty;

    public LogsView(LogsViewModel model) {
        this.model = model;
        setId("logs-view");
        getStyleClass().add("pw-logs");
        setSpacing(4);
        setStyle("-fx-padding: 6;");
        lines = new LogView(model.background(), model.fx());
        search = new LogSearchBar(lines);
        logql = new LogQlBar(model.completion());
        logql.setOnRun(model::setLogQL);
        logql.setVisible(model.speaksLogQL());
        logql.setManaged(model.speaksLogQL());
        title.setId("logs-title");
        title.getStyleClass().add("title-4");
        tailState.setId("logs-tail-state");
        tailState.getStyleClass().add("text-muted");
        dropped.setId("logs-dropped");
        dropped.setStyle("-fx-text-fill: -pw-warn;");
        message.setId("logs-message");
        message.setWrapText(true);
        wrap.setId("logs-wrap");
        follow.setId("logs-follow");
        wrap.getStyleClass().add("small");
        follow.getStyleClass().add("small");
        wrap.setTooltip(new Tooltip("Wrap long lines"));
        follow.setTooltip(new Tooltip("Keep the newest line in view"));
        wrap.selectedProperty().bindBidirectional(lines.wrapProperty());
        follow.selectedProperty().bindBidirectional(lines.followProperty());
        // a narrow pane cuts the title, never the buttons
        wrap.setMinWidth(Region.USE_PREF_SIZE);
        follow.setMinWidth(Region.USE_PREF_SIZE);
        title.setMinWidth(0);
        title.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        title.setTooltip(new Tooltip());
        title.getTooltip().textProperty().bind(title.textProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(8, title, grow, dropped, tailState, containers, wrap, follow);
        header.setAlignment(Pos.CENTER_LEFT);
        StackPane body = new StackPane(lines, empty);
        // a short pane shrinks the lines, not the controls above them (the empty state, when
        // shown, is clipped rather than keep the lines tall)
        body.setMinHeight(60);
        Rectangle bodyClip = new Rectangle();
        bodyClip.widthProperty().bind(body.widthProperty());
        bodyClip.heightProperty().bind(body.heightProperty());
        body.setClip(bodyClip);
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(header, logql, message, search, histogram, body);

        model.bufferProperty().addListener((o, a, b) -> {
            lines.setBuffer(b);
            volume();
        });
        model.setOnAppended(() -> {
            lines.refresh();
            volume();
        });
        lines.setOnFound(() -> {
            search.showCount(); // the search bar's count follows the view's hits
            volume();
        });
        histogram.widthProperty().addListener((o, a, b) -> volume());
        histogram.setOnTimeClicked(lines::jumpTo);
        model.phaseProperty().addListener((o, a, b) -> showPhase());
        model.messageProperty().addListener((o, a, b) -> showPhase());
        model.tailStateProperty().addListener((o, a, b) -> tailState.setText(b));
        model.droppedProperty().addListener((o, a, b) -> dropped.setText(
                b.longValue() == 0 ? "" : String.format("%,d lines dropped by the server", b.longValue())));
        showPhase();
    }

    // --- what the app sets ----------------------------------------------------------------------

    /** Live: tail new lines and follow them; off: the range's lines only. */
    public void setLive(boolean live) {
        model.setLive(live);
        lines.followProperty().set(live);
    }

    /** Where a click on a trace id goes (the app opens the Traces pane on it). */
    public void setOnTraceLink(Consumer<String> action) {
        lines.setOnTraceLink(action);
    }

    /**
     * Offers a choice among {@code choices} (a pod's containers: all, each, each before its last
     * restart) with {@code current} chosen; {@code action} hears what the user picks. Fewer than
     * two choices hide the control.
     */
    public void setScopeChoices(java.util.List<io.pitwall.connectors.logs.LogScope> choices,
                                io.pitwall.connectors.logs.LogScope current,
                                Consumer<io.pitwall.connectors.logs.LogScope> action) {
        containers.show(choices, current, action);
    }

    /** The container choice offered (for tests): empty when hidden. */
    public java.util.List<io.pitwall.connectors.logs.LogScope> scopeChoices() {
        return containers.isVisible() ? java.util.List.copyOf(containers.getItems()) : java.util.List.of();
    }

    /** Where a drag across the histogram goes (the app sets the shared time range). */
    public void setOnRangeSelected(Consumer<TimeRange> action) {
        histogram.setOnRangeSelected(action);
    }

    public LogsViewModel model() {
        return model;
    }

    public LogView lines() {
        return lines;
    }

    public LogSearchBar searchBar() {
        return search;
    }

    public VolumeHistogram histogram() {
        return histogram;
    }

    public LogQlBar logqlBar() {
        return logql;
    }

    public EmptyState emptyState() {
        return empty;
    }

    public String messageText() {
        return message.getText();
    }

    public String tailStateText() {
        return tailState.getText();
    }

    // --- showing ------------------------------------------------------------------------------

    private void showPhase() {
        LogsViewModel.Phase p = model.phaseProperty().get();
        String scope = model.scope().map(s -> s.title()).orElse("");
        title.setText(scope.isEmpty() ? "Logs" : "Logs of " + scope + (model.sourceName().isEmpty() ? "" : " · " + model.sourceName()));
        switch (p) {
            case NO_SOURCE -> empty.set(MaterialDesignC.CLOUD_OFF_OUTLINE, "No logs source",
                    "Connect Loki or a cluster: with a cluster and no Loki, Pitwall reads pods' logs from the Kubernetes API.");
            case NO_SCOPE -> empty.set(MaterialDesignC.CURSOR_DEFAULT_CLICK_OUTLINE, "Nothing selected",
                    "Select a namespace, workload or pod to read its logs.");
            case LOADING -> empty.set(MaterialDesignT.TEXT_BOX_SEARCH_OUTLINE, "Loading…", model.messageProperty().get());
            case EMPTY -> empty.set(MaterialDesignT.TEXT_BOX_SEARCH_OUTLINE, "No lines in this range",
                    "No log lines for " + scope + " in the time range. Widen the range"
                            + (model.speaksLogQL() ? " or change the query." : "."));
            case FAILED -> empty.set(MaterialDesignT.TEXT_BOX_REMOVE_OUTLINE, "The logs could not be read",
                    model.messageProperty().get());
            case LINES -> { }
        }
        boolean showEmpty = p != LogsViewModel.Phase.LINES;
        empty.setVisible(showEmpty);
        lines.setVisible(!showEmpty);
        boolean failed = p == LogsViewModel.Phase.FAILED;
        String text = p == LogsViewModel.Phase.LINES || failed ? model.messageProperty().get() : "";
        message.setText(text);
        message.setStyle(failed ? "-fx-text-fill: -pw-critical;" : "-fx-text-fill: -pw-fg-muted;");
        message.setVisible(!text.isEmpty());
        message.setManaged(!text.isEmpty());
        boolean searchable = p == LogsViewModel.Phase.LINES;
        search.setDisable(!searchable);
        histogram.setVisible(searchable);
        histogram.setManaged(searchable);
    }

    /** Counts lines per level and bucket (and hits) off the FX thread; one count at a time. */
    private void volume() {
        LogBuffer b = lines.buffer();
        if (b == null || histogram.getWidth() <= 0) {
            return;
        }
        if (volumeRunning) {
            volumeDirty = true;
            return;
        }
        volumeRunning = true;
        volumeDirty = false;
        int buckets = histogram.buckets();
        long[] span = span(b);
        LogSearch.Found found = lines.found();
        Matches hits = found == null ? null : found.hits();
        model.background().execute(() -> {
            int[][] counts = LogMatcher.volume(b, span[0], span[1], buckets);
            int[] marks = hits == null ? null : LogMatcher.hitVolume(b, hits, span[0], span[1], buckets);
            model.fx().execute(() -> {
                volumeRunning = false;
                if (b == lines.buffer()) {
                    histogram.show(counts, marks, span[0], span[1]);
                }
                if (volumeDirty) {
                    volume();
                }
            });
        });
    }

    /** The histogram's time span: the range, stretched to the lines when a tail went past it. */
    private long[] span(LogBuffer b) {
        long from = model.range().map(r -> io.pitwall.connectors.model.LogEntry.nanos(r.from())).orElse(Long.MAX_VALUE);
        long to = model.range().map(r -> io.pitwall.connectors.model.LogEntry.nanos(r.to())).orElse(Long.MIN_VALUE);
        int n = b.size();
        if (n > 0) {
            from = Math.min(from, b.timeNanos(0));
            to = Math.max(to, b.timeNanos(n - 1) + 1);
        }
        if (from >= to) {
            long now = io.pitwall.connectors.model.LogEntry.nanos(Instant.now());
            return new long[] {now - 60_000_000_000L, now};
        }
        return new long[] {from, to};
    }
}
