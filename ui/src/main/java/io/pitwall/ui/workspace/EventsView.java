package io.pitwall.ui.workspace;

import io.pitwall.connectors.model.EventInfo;
import io.pitwall.connectors.model.KubeRef;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The cluster's Kubernetes events: warnings first, newest first within each, filterable by text
 * and to warnings only, or to the selected object and what it owns. A virtualized list: only the
 * visible rows exist. Choosing an event selects its object.
 */
public final class EventsView extends VBox {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d HH:mm:ss").withZone(ZoneId.systemDefault());

    private final ObservableList<EventInfo> all = FXCollections.observableArrayList();
    private final FilteredList<EventInfo> shown = new FilteredList<>(all);
    private final TextField filter = new TextField();
    private final ToggleButton warningsOnly = new ToggleButton("Warnings only");
    private final ListView<EventInfo> list = new ListView<>(shown);
    private final Label count = new Label();
    private final javafx.scene.control.Button focusChip = new javafx.scene.control.Button();
    private java.util.function.Predicate<KubeRef> focus = ref -> true;
    private java.util.function.Consumer<KubeRef> onObjectChosen = ref -> {
    };

    public EventsView() {
        setId("events-view");
        setSpacing(6);
        getStyleClass().add("pw-events");
        filter.setPromptText("Filter events: reason, object, message");
        filter.setId("events-filter");
        warningsOnly.setId("events-warnings-only");
        HBox.setHgrow(filter, Priority.ALWAYS);
        focusChip.setId("events-focus");
        focusChip.getStyleClass().addAll("small", "rounded");
        focusChip.setVisible(false);
        focusChip.setManaged(false);
        focusChip.setTooltip(new javafx.scene.control.Tooltip("Show the events of every object again"));
        focusChip.setOnAction(e -> clearFocus());
        HBox bar = new HBox(6, filter, focusChip, warningsOnly, count);
        bar.setStyle("-fx-padding: 6 6 0 6; -fx-alignment: center-left;");
        list.setCellFactory(v -> new EventCell());
        list.setId("events-list");
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(bar, list);
        // choosing an event selects its object in the other panes
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                onObjectChosen.accept(now.object());
            }
        });
        filter.textProperty().addListener((o, a, b) -> refilter());
        warningsOnly.selectedProperty().addListener((o, a, b) -> refilter());
    }

    public void setEvents(List<EventInfo> events) {
        all.setAll(events.stream().sorted(Comparator.comparing((EventInfo e) -> !e.warning())
                .thenComparing(EventInfo::last, Comparator.reverseOrder())).toList());
        refilter();
    }

    /** Lists only the events of the objects {@code related} accepts, under a chip naming {@code what}. */
    public void focus(String what, java.util.function.Predicate<KubeRef> related) {
        focus = related;
        focusChip.setText("Only " + what + "  \u2715");
        focusChip.setVisible(true);
        focusChip.setManaged(true);
        refilter();
    }

    /** Lists the events of every object again. */
    public void clearFocus() {
        focus = ref -> true;
        focusChip.setVisible(false);
        focusChip.setManaged(false);
        refilter();
    }

    public javafx.scene.control.Button focusChip() {
        return focusChip;
    }

    public ListView<EventInfo> list() {
        return list;
    }

    /** Called with the object of the event the user chooses. */
    public void setOnObjectChosen(java.util.function.Consumer<KubeRef> action) {
        onObjectChosen = action;
    }

    /** The events listed now, in order. */
    public List<EventInfo> shown() {
        return List.copyOf(shown);
    }

    public TextField filterField() {
        return filter;
    }

    private void refilter() {
        String q = filter.getText() == null ? "" : filter.getText().trim().toLowerCase(Locale.ROOT);
        boolean warnings = warningsOnly.isSelected();
        java.util.function.Predicate<KubeRef> related = focus;
        shown.setPredicate(e -> related.test(e.object()) && (!warnings || e.warning()) && (q.isEmpty()
                || (e.reason() + " " + e.object() + " " + e.message()).toLowerCase(Locale.ROOT).contains(q)));
        count.setText(shown.size() + " of " + all.size());
    }

    private static final class EventCell extends ListCell<EventInfo> {
        @Override
        protected void updateItem(EventInfo e, boolean empty) {
            super.updateItem(e, empty);
            getStyleClass().remove("pw-warn");
            if (empty || e == null) {
                setText(null);
                return;
            }
            setText(TIME.format(e.last()) + "  " + (e.warning() ? "\u26a0 " : "") + e.reason()
                    + (e.count() > 1 ? " \u00d7" + e.count() : "") + "  " + e.object() + "\n" + e.message());
            if (e.warning()) {
                getStyleClass().add("pw-warn");
            }
        }
    }
}
