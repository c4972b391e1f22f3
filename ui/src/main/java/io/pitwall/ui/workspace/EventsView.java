package io.pitwall.ui.workspace;

import io.pitwall.connectors.model.EventInfo;
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
 * and to warnings only. A virtualized list: only the visible rows exist.
 */
public final class EventsView extends VBox {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d HH:mm:ss").withZone(ZoneId.systemDefault());

    private final ObservableList<EventInfo> all = FXCollections.observableArrayList();
    private final FilteredList<EventInfo> shown = new FilteredList<>(all);
    private final TextField filter = new TextField();
    private final ToggleButton warningsOnly = new ToggleButton("Warnings only");
    private final ListView<EventInfo> list = new ListView<>(shown);
    private final Label count = new Label();

    public EventsView() {
        setId("events-view");
        setSpacing(6);
        getStyleClass().add("pw-events");
        filter.setPromptText("Filter events: reason, object, message");
        filter.setId("events-filter");
        warningsOnly.setId("events-warnings-only");
        HBox.setHgrow(filter, Priority.ALWAYS);
        HBox bar = new HBox(6, filter, warningsOnly, count);
        bar.setStyle("-fx-padding: 6 6 0 6; -fx-alignment: center-left;");
        list.setCellFactory(v -> new EventCell());
        list.setId("events-list");
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(bar, list);
        filter.textProperty().addListener((o, a, b) -> refilter());
        warningsOnly.selectedProperty().addListener((o, a, b) -> refilter());
    }

    public void setEvents(List<EventInfo> events) {
        all.setAll(events.stream().sorted(Comparator.comparing((EventInfo e) -> !e.warning())
                .thenComparing(EventInfo::last, Comparator.reverseOrder())).toList());
        refilter();
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
        shown.setPredicate(e -> (!warnings || e.warning()) && (q.isEmpty()
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
