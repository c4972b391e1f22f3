package io.pitwall.ui.traces;

import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.Span;
import io.pitwall.connectors.model.SpanLog;
import io.pitwall.connectors.model.SpanRef;
import io.pitwall.connectors.model.Trace;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * The selected span in full: service and operation, ids, when it started (from the trace's start)
 * and how long it took, its kind, what its flags mean, its tags, its process's (resource's) tags,
 * its logs (events) at their offsets, and its references, each a link to the span when the trace
 * has it. "Logs for this trace" and "Show in topology" hand the span to the pane.
 */
public final class SpanDetails extends ScrollPane {

    private io.pitwall.connectors.mapping.TraceAttributes attributes = io.pitwall.connectors.mapping.TraceAttributes.DEFAULTS;

    private final VBox body = new VBox(6);
    private final Label title = new Label("No span selected");
    private final Label subtitle = new Label("Click a row of the waterfall.");
    private final Button logs = new Button("Logs for this trace", new FontIcon(MaterialDesignT.TEXT_BOX_SEARCH_OUTLINE));
    private final Button topology = new Button("Show in topology", new FontIcon(MaterialDesignS.SITEMAP_OUTLINE));
    private final Map<String, String> shownTags = new LinkedHashMap<>();
    private IntConsumer onJump = s -> { };
    private Consumer<Span> onLogs = s -> { };
    private Consumer<KubeRef> onTopology = r -> { };
    private Span span;
    private Optional<KubeRef> target = Optional.empty();

    public SpanDetails() {
        setId("span-details");
        getStyleClass().add("pw-span-details");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        body.setPadding(new Insets(8));
        title.setId("span-details-title");
        title.getStyleClass().add("title-4");
        title.setWrapText(true);
        subtitle.getStyleClass().add("text-muted");
        subtitle.setWrapText(true);
        logs.setId("span-logs");
        topology.setId("span-topology");
        logs.getStyleClass().add("small");
        topology.getStyleClass().add("small");
        logs.setTooltip(new Tooltip("Show the logs that carry this trace's id, around its time"));
        logs.setOnAction(e -> {
            if (span != null) {
                onLogs.accept(span);
            }
        });
        topology.setOnAction(e -> target.ifPresent(onTopology));
        setContent(body);
        clear();
    }

    /** The span attributes that name the span's pod, workload and service (the user's mapping). */
    public void setAttributes(io.pitwall.connectors.mapping.TraceAttributes attributes) {
        this.attributes = attributes == null ? io.pitwall.connectors.mapping.TraceAttributes.DEFAULTS : attributes;
    }

    /** Shows span {@code index} of {@code trace}. */
    public void show(Trace trace, int index) {
        span = trace.span(index);
        target = SpanTargets.of(span, attributes);
        shownTags.clear();
        shownTags.putAll(span.tags());
        title.setText(span.service() + " · " + span.operation());
        subtitle.setText(Durations.format(span.durationNanos()) + " at +" + Durations.format(span.startNanos() - trace.startNanos())
                + (span.kind() == io.pitwall.connectors.model.SpanKind.UNSPECIFIED ? "" : " · " + span.kind().name().toLowerCase()));
        body.getChildren().setAll(title, subtitle, new FlowPane(6, 6, logs, topology));
        logs.setDisable(false);
        topology.setDisable(target.isEmpty());
        topology.setTooltip(new Tooltip(target.map(r -> "Select " + r + " in the topology")
                .orElse("The span names no pod or service")));
        for (String flag : SpanFlags.explain(span.flags())) {
            Label l = new Label(flag);
            l.setWrapText(true);
            l.setStyle(flag.startsWith("Error") ? "-fx-text-fill: -pw-critical;" : "-fx-text-fill: -pw-warn;");
            body.getChildren().add(l);
        }
        GridPane ids = grid();
        row(ids, "Span id", span.spanId());
        row(ids, "Parent id", span.parentSpanId().isEmpty() ? "(root)" : span.parentSpanId());
        row(ids, "Trace id", span.traceId());
        row(ids, "Start", "+" + Durations.format(span.startNanos() - trace.startNanos()) + "  ("
                + java.time.Instant.ofEpochSecond(0, span.startNanos()) + ")");
        row(ids, "Duration", Durations.format(span.durationNanos()));
        row(ids, "Kind", span.kind().name().toLowerCase());
        section("Span", ids);
        section("Tags", pairs(span.tags()));
        section("Process", pairs(span.processTags()));
        if (!span.logs().isEmpty()) {
            VBox list = new VBox(4);
            for (SpanLog log : span.logs()) {
                Label at = new Label("+" + Durations.format(log.epochNanos() - trace.startNanos()));
                at.getStyleClass().add("text-muted");
                list.getChildren().addAll(at, pairs(log.fields()));
            }
            section("Logs (" + span.logs().size() + ")", list);
        }
        if (!span.refs().isEmpty()) {
            VBox list = new VBox(2);
            for (SpanRef ref : span.refs()) {
                list.getChildren().add(reference(trace, ref));
            }
            section("References", list);
        }
        setVvalue(0);
    }

    private Node reference(Trace trace, SpanRef ref) {
        String text = ref.type().name() + "  " + ref.spanId()
                + (ref.traceId().isEmpty() || ref.traceId().equals(trace.traceId()) ? "" : "  (trace " + ref.traceId() + ")");
        int[] found = ref.traceId().isEmpty() || ref.traceId().equals(trace.traceId()) || ref.traceId().endsWith(trace.traceId())
                || trace.traceId().endsWith(ref.traceId()) ? trace.indexOf(ref.spanId()) : new int[0];
        if (found.length == 0) {
            Label l = new Label(text + "  (not in this trace)");
            l.getStyleClass().add("text-muted");
            return l;
        }
        int target = found[0];
        Hyperlink link = new Hyperlink(text + "  → " + trace.service(target) + " · " + trace.operation(target));
        link.getStyleClass().add("span-ref");
        link.setOnAction(e -> onJump.accept(target));
        return link;
    }

    /** Nothing selected. */
    public void clear() {
        span = null;
        target = Optional.empty();
        shownTags.clear();
        title.setText("No span selected");
        subtitle.setText("Click a row of the waterfall.");
        body.getChildren().setAll(title, subtitle);
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(2);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMaxWidth(200);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(keys, values);
        return g;
    }

    private static GridPane pairs(Map<String, String> m) {
        GridPane g = grid();
        if (m.isEmpty()) {
            Label none = new Label("none");
            none.getStyleClass().add("text-muted");
            g.add(none, 0, 0);
        }
        m.forEach((k, v) -> row(g, k, v));
        return g;
    }

    private static void row(GridPane g, String key, String value) {
        Label k = new Label(key);
        k.getStyleClass().add("text-muted");
        k.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        k.setMaxWidth(200);
        Label v = new Label(value);
        v.setWrapText(true);
        v.setTooltip(new Tooltip(value));
        int r = g.getRowCount();
        g.add(k, 0, r);
        g.add(v, 1, r);
    }

    private void section(String name, Node content) {
        Label l = new Label(name);
        l.getStyleClass().add("title-5");
        l.setPadding(new Insets(6, 0, 0, 0));
        body.getChildren().addAll(l, content);
    }

    // --- what the pane sets, what tests read ----------------------------------------------------

    /** Where a click on a reference goes (the waterfall selects that span). */
    public void setOnJump(IntConsumer action) {
        onJump = action == null ? s -> { } : action;
    }

    /** What "Logs for this trace" does with the span. */
    public void setOnLogs(Consumer<Span> action) {
        onLogs = action == null ? s -> { } : action;
    }

    /** What "Show in topology" does with the pod or service the span names. */
    public void setOnShowInTopology(Consumer<KubeRef> action) {
        onTopology = action == null ? r -> { } : action;
    }

    /** The span shown, if any. */
    public Optional<Span> span() {
        return Optional.ofNullable(span);
    }

    /** The pod or service "Show in topology" goes to, if any. */
    public Optional<KubeRef> target() {
        return target;
    }

    /** The tags listed, in order. */
    public Map<String, String> shownTags() {
        return Map.copyOf(shownTags);
    }

    public String titleText() {
        return title.getText();
    }
}
