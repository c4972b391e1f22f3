package io.pitwall.ui.timeline;

import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.Severity;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.timeline.Lane;
import io.pitwall.connectors.timeline.Timeline;
import io.pitwall.connectors.timeline.TimelineItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.util.StringConverter;

/**
 * The Timeline pane: every lane of the incident on one time axis ({@link TimelineCanvas}), chips
 * that show and hide lanes (with their counts), a least-severity filter, the "What changed?" list
 * for the selection and the replay control. Choosing an item, in the lanes or the list, tells
 * the app. It shrinks with its pane (lanes squeeze, then the view clips) rather than push the
 * window's other panes out of sight.
 */
public final class TimelineView extends BorderPane {

    /** A "What changed?" row: the item that is the evidence, and why it ranks where it does. */
    public record Change(TimelineItem item, String why) {
    }

    private final TimelineCanvas canvas = new TimelineCanvas();
    private final Map<Lane, ToggleButton> laneChips = new EnumMap<>(Lane.class);
    private final ChoiceBox<Severity> least = new ChoiceBox<>();
    private final Label status = new Label();
    private final Label changesTitle = new Label("What changed?");
    private final ListView<Change> changes = new ListView<>();
    private final Button focusChip = new Button();
    private final ReplayBar replay = new ReplayBar();
    private Timeline timeline;
    private Consumer<TimelineItem> onItem = i -> { };
    private Runnable onFocusCleared = () -> { };

    public TimelineView() {
        setId("timeline-view");
        getStyleClass().add("pw-timeline");
        FlowPane chips = new FlowPane(4, 4);
        for (Lane lane : Lane.values()) {
            ToggleButton chip = new ToggleButton(lane.title());
            chip.setId("timeline-lane-" + lane.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            chip.getStyleClass().addAll("small", "rounded");
            chip.setSelected(true);
            chip.selectedProperty().addListener((o, a, b) -> refresh());
            laneChips.put(lane, chip);
            chips.getChildren().add(chip);
        }
        least.getItems().setAll(Severity.values());
        least.setValue(Severity.INFO);
        least.setId("timeline-severity");
        least.setConverter(new StringConverter<>() {
            @Override
            public String toString(Severity s) {
                return s == null ? "" : s == Severity.INFO ? "All severities"
                        : s == Severity.CRITICAL ? "Critical only" : words(s) + " and worse";
            }

            @Override
            public Severity fromString(String s) {
                return Severity.INFO;
            }
        });
        least.valueProperty().addListener((o, a, b) -> refresh());
        focusChip.setId("timeline-focus");
        focusChip.getStyleClass().addAll("small", "rounded");
        focusChip.setTooltip(new Tooltip("Show every object's items again"));
        focusChip.setOnAction(e -> onFocusCleared.run());
        showFocusChip(null);
        status.setId("timeline-status");
        status.getStyleClass().add("text-muted");
        // two short rows over the lanes: the lane chips (and the focus), wrapping only when the
        // pane is narrow (the BorderPane asks the flow its height at the pane's width), then
        // replay, severity and the count, so a low pane still has room for the lanes
        chips.getChildren().add(focusChip);
        FlowPane bar = chips;
        bar.setStyle("-fx-padding: 4 6 2 6; -fx-alignment: center-left;");
        status.setMinWidth(0);
        HBox controls = new HBox(6, replay, least, status);
        controls.setStyle("-fx-padding: 0 6 0 0; -fx-alignment: center-left;");
        HBox.setHgrow(replay, Priority.ALWAYS);
        changesTitle.getStyleClass().add("title-4");
        changes.setId("timeline-changes");
        changes.setPlaceholder(new Label("Nothing changed in this window."));
        changes.setCellFactory(v -> new ChangeCell());
        changes.setOnMouseClicked(e -> {
            Change c = changes.getSelectionModel().getSelectedItem();
            if (c != null && e.getClickCount() >= 1) {
                onItem.accept(c.item());
            }
        });
        VBox changesBox = new VBox(4, changesTitle, changes);
        changesBox.setStyle("-fx-padding: 0 6 0 6;");
        VBox.setVgrow(changes, Priority.ALWAYS);
        changesBox.setMinWidth(200);
        changesBox.setPrefWidth(300);
        changesBox.setMaxWidth(460); // a wide pane widens the lanes, not the list
        SplitPane.setResizableWithParent(changesBox, false);
        SplitPane top = new SplitPane(canvas, changesBox);
        top.setDividerPositions(0.72);
        VBox lanes = new VBox(2, controls, top);
        VBox.setVgrow(top, Priority.ALWAYS);
        top.setMinHeight(0);
        lanes.setMinHeight(0);
        setTop(bar);
        setCenter(lanes);
        setMinHeight(0);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        canvas.setOnItemChosen(i -> onItem.accept(i));
    }

    private static String words(Severity s) {
        String n = s.name().toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    /** The timeline of the window; null: nothing yet. */
    public void show(Timeline next) {
        timeline = next;
        if (next != null) {
            canvas.setWindow(next.window());
            replay.setWindow(next.window());
            status.setText(next.problems().isEmpty() ? String.format("%,d items", next.items().size())
                    : String.format("%,d items \u00b7 %d %s unread", next.items().size(), next.problems().size(),
                    next.problems().size() == 1 ? "source" : "sources"));
            status.setTooltip(next.problems().isEmpty() ? null : new Tooltip(String.join("\n", next.problems())));
        }
        refresh();
    }

    public Timeline timeline() {
        return timeline;
    }

    /** The window drawn (the workspace's shared range). */
    public void setWindow(TimeRange range) {
        canvas.setWindow(range);
        replay.setWindow(range);
    }

    /** "What changed?" for the selection and the window. */
    public void showChanges(String title, List<Change> rows) {
        changesTitle.setText(title);
        changes.getItems().setAll(rows);
    }

    /** Items of other objects are dimmed; null clears (what {@code label} names shows on the chip). */
    public void setFocus(String label, Predicate<KubeRef> focus) {
        canvas.setFocus(focus);
        showFocusChip(focus == null ? null : label);
    }

    private void showFocusChip(String label) {
        focusChip.setText(label == null ? "" : label + "  \u2715");
        focusChip.setVisible(label != null);
        focusChip.setManaged(label != null);
    }

    public void showCursor(Instant at) {
        canvas.showCursor(at);
        replay.showCursor(at);
    }

    /** Where a chosen item goes (the app selects its object and moves the cursor there). */
    public void setOnItemChosen(Consumer<TimelineItem> action) {
        onItem = action == null ? i -> { } : action;
    }

    /** The focus chip's cross: the app clears the selection. */
    public void setOnFocusCleared(Runnable action) {
        onFocusCleared = action == null ? () -> { } : action;
    }

    public TimelineCanvas canvas() {
        return canvas;
    }

    public ReplayBar replay() {
        return replay;
    }

    public ListView<Change> changes() {
        return changes;
    }

    public ToggleButton laneChip(Lane lane) {
        return laneChips.get(lane);
    }

    public ChoiceBox<Severity> leastSeverity() {
        return least;
    }

    public String statusText() {
        return status.getText();
    }

    /** The lanes shown and the items that pass the filters. */
    public List<TimelineItem> shownItems() {
        if (timeline == null) {
            return List.of();
        }
        Set<Lane> on = shownLanes();
        Severity floor = least.getValue() == null ? Severity.INFO : least.getValue();
        List<TimelineItem> out = new ArrayList<>();
        for (TimelineItem i : timeline.items()) {
            if (on.contains(i.lane()) && i.severity().compareTo(floor) <= 0) {
                out.add(i);
            }
        }
        return out;
    }

    private Set<Lane> shownLanes() {
        Set<Lane> on = EnumSet.noneOf(Lane.class);
        laneChips.forEach((lane, chip) -> {
            if (chip.isSelected()) {
                on.add(lane);
            }
        });
        return on;
    }

    private void refresh() {
        Map<Lane, Integer> counts = new EnumMap<>(Lane.class);
        if (timeline != null) {
            timeline.items().forEach(i -> counts.merge(i.lane(), 1, Integer::sum));
        }
        laneChips.forEach((lane, chip) -> {
            int n = counts.getOrDefault(lane, 0);
            chip.setText(n == 0 ? lane.title() : lane.title() + " " + n);
        });
        List<Lane> lanes = new ArrayList<>(shownLanes());
        canvas.show(lanes, shownItems());
    }

    /** A row of "What changed?": when, what, and why it ranks there. */
    private static final class ChangeCell extends ListCell<Change> {
        private static final java.time.format.DateTimeFormatter TIME =
                java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").withZone(java.time.ZoneId.systemDefault());

        @Override
        protected void updateItem(Change c, boolean empty) {
            super.updateItem(c, empty);
            if (empty || c == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label what = new Label(TIME.format(c.item().at()) + "  " + c.item().title());
            what.getStyleClass().add("text-bold");
            Label why = new Label(c.why());
            why.getStyleClass().addAll("text-muted", "text-small");
            why.setWrapText(true);
            VBox box = new VBox(1, what, why);
            setText(null);
            setGraphic(box);
            setTooltip(new Tooltip(TimelineCanvas.describe(c.item())));
        }
    }
}
