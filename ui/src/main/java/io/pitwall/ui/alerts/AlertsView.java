package io.pitwall.ui.alerts;

import io.pitwall.connectors.model.Alert;
import io.pitwall.connectors.model.KubeRef;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Alerts pane: firing and pending alerts, most severe and oldest first, filterable; the
 * chosen alert's labels, annotations and rule expression below; double-click (or Enter) jumps to
 * the pod, workload or node its labels name.
 */
public final class AlertsView extends VBox {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d HH:mm:ss").withZone(ZoneId.systemDefault());

    private final ObservableList<Alert> all = FXCollections.observableArrayList();
    private final FilteredList<Alert> shown = new FilteredList<>(all);
    private final TableView<Alert> table = new TableView<>(shown);
    private final TextField filter = new TextField();
    private final Label count = new Label();
    private final TextArea detail = new TextArea();
    private Consumer<KubeRef> onJump = ref -> {
    };
    private Instant now = Instant.now();

    public AlertsView() {
        setId("alerts-view");
        setSpacing(6);
        setStyle("-fx-padding: 6;");
        filter.setId("alerts-filter");
        filter.setPromptText("Filter alerts: name, label, annotation");
        HBox.setHgrow(filter, Priority.ALWAYS);
        HBox bar = new HBox(6, filter, count);
        bar.setStyle("-fx-alignment: center-left;");
        table.setId("alerts-table");
        table.setPlaceholder(new Label("No alert is firing or pending."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                column("Severity", a -> a.severity().isEmpty() ? "-" : a.severity(), 90),
                column("Alert", Alert::name, 220),
                column("State", a -> a.state().name().toLowerCase(Locale.ROOT), 80),
                column("Object", a -> a.target().map(KubeRef::toString).orElse(""), 260),
                column("Since", a -> a.since().map(s -> TIME.format(s) + " (" + ago(s) + ")").orElse(""), 170),
                column("Summary", a -> a.annotations().getOrDefault("summary", a.annotations().getOrDefault("message",
                        a.annotations().getOrDefault("description", ""))), 300)));
        table.setRowFactory(t -> {
            TableRow<Alert> row = new TableRow<>() {
                @Override
                protected void updateItem(Alert a, boolean empty) {
                    super.updateItem(a, empty);
                    getStyleClass().removeAll("pw-critical", "pw-warn");
                    if (!empty && a != null) {
                        String s = a.severity().toLowerCase(Locale.ROOT);
                        if (s.equals("critical") || s.equals("error") || s.equals("page")) {
                            getStyleClass().add("pw-critical");
                        } else if (s.equals("warning")) {
                            getStyleClass().add("pw-warn");
                        }
                    }
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    jump(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                jump(table.getSelectionModel().getSelectedItem());
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, a) -> detail.setText(a == null ? "" : describe(a)));
        detail.setId("alerts-detail");
        detail.setEditable(false);
        detail.setWrapText(true);
        detail.getStyleClass().add("pw-mono");
        SplitPane split = new SplitPane(table, detail);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.65);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(bar, split);
        filter.textProperty().addListener((o, a, b) -> refilter());
    }

    /** Shows {@code alerts} as of {@code at} (for "since ... ago"): critical first, then warning, then the rest; oldest first within. */
    public void setAlerts(List<Alert> alerts, Instant at) {
        now = at;
        all.setAll(alerts.stream().sorted(Comparator.comparingInt((Alert a) -> rank(a.severity()))
                .thenComparing(a -> a.state() != Alert.State.FIRING)
                .thenComparing(a -> a.since().orElse(Instant.MAX))
                .thenComparing(Alert::name)).toList());
        refilter();
    }

    /** Called with the object an alert names when the user jumps to it. */
    public void setOnJump(Consumer<KubeRef> action) {
        onJump = action;
    }

    public List<Alert> shown() {
        return List.copyOf(shown);
    }

    public TableView<Alert> table() {
        return table;
    }

    public TextField filterField() {
        return filter;
    }

    public TextArea detail() {
        return detail;
    }

    private void jump(Alert a) {
        a.target().ifPresent(onJump);
    }

    private void refilter() {
        String q = filter.getText() == null ? "" : filter.getText().trim().toLowerCase(Locale.ROOT);
        shown.setPredicate(a -> q.isEmpty() || (a.name() + " " + a.labels() + " " + a.annotations()).toLowerCase(Locale.ROOT).contains(q));
        long firing = all.stream().filter(a -> a.state() == Alert.State.FIRING).count();
        count.setText(firing + " firing, " + (all.size() - firing) + " other");
    }

    private static int rank(String severity) {
        return switch (severity.toLowerCase(Locale.ROOT)) {
            case "critical", "error", "page" -> 0;
            case "warning" -> 1;
            case "info" -> 3;
            case "none" -> 4;
            default -> 2;
        };
    }

    private String ago(Instant since) {
        Duration d = Duration.between(since, now);
        if (d.isNegative()) {
            return "just now";
        }
        if (d.toDays() > 0) {
            return d.toDays() + "d " + d.toHoursPart() + "h ago";
        }
        if (d.toHours() > 0) {
            return d.toHours() + "h " + d.toMinutesPart() + "m ago";
        }
        return d.toMinutes() > 0 ? d.toMinutes() + "m ago" : d.toSeconds() + "s ago";
    }

    static String describe(Alert a) {
        StringBuilder s = new StringBuilder(a.name()).append("  (").append(a.state().name().toLowerCase(Locale.ROOT))
                .append(", from ").append(a.source()).append(")\n");
        a.value().ifPresent(v -> s.append("value: ").append(v).append('\n'));
        if (!a.expression().isEmpty()) {
            s.append("\nexpr: ").append(a.expression()).append('\n');
        }
        s.append("\nlabels:\n").append(lines(a.labels()));
        if (!a.annotations().isEmpty()) {
            s.append("\nannotations:\n").append(lines(a.annotations()));
        }
        return s.toString();
    }

    private static String lines(Map<String, String> m) {
        return m.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> "  " + e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n")) + "\n";
    }

    private static TableColumn<Alert, String> column(String title, java.util.function.Function<Alert, String> value, double width) {
        TableColumn<Alert, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        return c;
    }
}
