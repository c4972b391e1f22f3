package io.pitwall.ui.traces;

import io.pitwall.connectors.model.TraceSummary;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** A search's traces as a sortable table: id, root service and operation, duration, spans, errors, start. */
public final class TraceResults extends TableView<TraceSummary> {

    private final DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private Consumer<TraceSummary> onOpen = s -> { };

    public TraceResults(ObservableList<TraceSummary> items) {
        // sorted by a column when the user picks one, else in the view model's order (failed, then slowest)
        javafx.collections.transformation.SortedList<TraceSummary> sorted = new javafx.collections.transformation.SortedList<>(items);
        sorted.comparatorProperty().bind(comparatorProperty());
        setItems(sorted);
        setId("trace-results");
        setPlaceholder(new javafx.scene.control.Label("No traces: search for a service's traces above."));
        TableColumn<TraceSummary, String> id = column("Trace", s -> TracesViewModel.shortId(s.traceId()), 110);
        TableColumn<TraceSummary, String> root = column("Root", s -> s.rootService() + " · " + s.rootOperation(), 220);
        TableColumn<TraceSummary, Long> duration = new TableColumn<>("Duration");
        duration.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().durationNanos()));
        duration.setCellFactory(c -> text(Durations::format));
        duration.setPrefWidth(86);
        TableColumn<TraceSummary, Integer> spans = new TableColumn<>("Spans");
        spans.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().spanCount()));
        spans.setPrefWidth(72);
        TableColumn<TraceSummary, Integer> errors = new TableColumn<>("Errors");
        errors.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().errorCount()));
        errors.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Integer v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : v.toString());
                setStyle(!empty && v != null && v > 0 ? "-fx-text-fill: -pw-critical;" : "");
            }
        });
        errors.setPrefWidth(70);
        TableColumn<TraceSummary, Long> start = new TableColumn<>("Started");
        start.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().startNanos()));
        start.setCellFactory(c -> text(n -> time.format(Instant.ofEpochSecond(0, n))));
        start.setPrefWidth(110);
        getColumns().setAll(java.util.List.of(id, root, duration, spans, errors, start));
        setOnMouseClicked(e -> {
            TraceSummary s = getSelectionModel().getSelectedItem();
            if (s != null && e.getClickCount() >= 1) {
                onOpen.accept(s);
            }
        });
        setOnKeyPressed(e -> {
            TraceSummary s = getSelectionModel().getSelectedItem();
            if (s != null && e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                onOpen.accept(s);
            }
        });
    }

    private static TableColumn<TraceSummary, String> column(String name, java.util.function.Function<TraceSummary, String> value,
                                                           double width) {
        TableColumn<TraceSummary, String> c = new TableColumn<>(name);
        c.setCellValueFactory(v -> new ReadOnlyObjectWrapper<>(value.apply(v.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static <T> TableCell<TraceSummary, T> text(java.util.function.Function<T, String> f) {
        return new TableCell<>() {
            @Override
            protected void updateItem(T v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : f.apply(v));
            }
        };
    }

    /** What a click (or Enter) on a trace does (the pane opens it). */
    public void setOnOpen(Consumer<TraceSummary> action) {
        onOpen = action == null ? s -> { } : action;
    }
}
