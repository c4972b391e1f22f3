package io.pitwall.ui.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A form of labelled rows: a label, its control and, under the control, the row's message (an
 * error that keeps OK disabled, or a warning that does not). Rows hide with what they belong to.
 */
final class Form {

    enum Severity { ERROR, WARNING, INFO }

    private static final double ROW_GAP = 3;

    private final GridPane grid = new GridPane();
    private final List<Row> rows = new ArrayList<>();
    private int next;

    Form() {
        grid.getStyleClass().add("pw-form");
        grid.setHgap(10);
        grid.setVgap(0); // hidden rows take no room: the spacing is each shown row's margin
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(140);
        labels.setHalignment(HPos.RIGHT);
        ColumnConstraints controls = new ColumnConstraints();
        controls.setHgrow(Priority.ALWAYS);
        controls.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, controls);
    }

    GridPane node() {
        return grid;
    }

    /** Scrolls {@code scroll} so that {@code node}, somewhere inside its content, is in view. */
    static void reveal(javafx.scene.control.ScrollPane scroll, Node node) {
        Node content = scroll.getContent();
        if (content == null || node == null) {
            return;
        }
        javafx.geometry.Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double contentHeight = content.getBoundsInLocal().getHeight();
        double viewport = scroll.getViewportBounds().getHeight();
        if (b == null || contentHeight <= viewport) {
            return;
        }
        double top = (scroll.getVvalue() - scroll.getVmin()) / (scroll.getVmax() - scroll.getVmin()) * (contentHeight - viewport);
        double y = top;
        if (b.getMinY() < top) {
            y = b.getMinY() - 8;
        } else if (b.getMaxY() > top + viewport) {
            y = b.getMaxY() - viewport + 8;
        }
        y = Math.max(0, Math.min(contentHeight - viewport, y));
        scroll.setVvalue(scroll.getVmin() + y / (contentHeight - viewport) * (scroll.getVmax() - scroll.getVmin()));
    }

    /** Keeps the focused control of {@code scroll}'s content in view (tabbing through a long form). */
    static void followFocus(javafx.scene.control.ScrollPane scroll) {
        java.util.Set<javafx.scene.Scene> watched = java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());
        scroll.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null && watched.add(scene)) {
                scene.focusOwnerProperty().addListener((p, a, focused) -> {
                    if (focused != null && scroll.getScene() == scene && isInside(focused, scroll.getContent())) {
                        reveal(scroll, focused);
                    }
                });
            }
        });
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** A heading across both columns. */
    Label section(String title) {
        Label l = new Label(title);
        l.getStyleClass().addAll("pw-form-section", "title-4");
        GridPane.setHalignment(l, HPos.LEFT);
        GridPane.setMargin(l, new javafx.geometry.Insets(next > 0 ? 14 : 0, 0, 4, 0));
        grid.add(l, 0, next++, 2, 1);
        return l;
    }

    Row row(String label, Node control) {
        Row r = new Row(new Label(label), control);
        r.label.setLabelFor(control);
        GridPane.setValignment(r.label, VPos.TOP);
        GridPane.setMargin(r.label, new javafx.geometry.Insets(ROW_GAP + 6, 0, ROW_GAP, 0));
        GridPane.setMargin(r.cell, new javafx.geometry.Insets(ROW_GAP, 0, ROW_GAP, 0));
        grid.add(r.label, 0, next);
        grid.add(r.cell, 1, next++);
        rows.add(r);
        return r;
    }

    /**
     * A text field for a file's path with a "Browse…" button beside it that fills the field with
     * what {@code chooser} picks (starting from the field's file, when it names one).
     */
    Row fileRow(String label, javafx.scene.control.TextField field, String id, FileChooserCall chooser) {
        javafx.scene.control.Button browse = new javafx.scene.control.Button("Browse\u2026");
        browse.setId(id + "-browse");
        browse.setOnAction(e -> chooser.choose(browse.getScene() == null ? null : browse.getScene().getWindow(),
                        "Choose the " + label.toLowerCase(java.util.Locale.ROOT) + " file", field.getText().strip())
                .ifPresent(p -> field.setText(p.toString())));
        javafx.scene.layout.HBox box = new javafx.scene.layout.HBox(6, field, browse);
        javafx.scene.layout.HBox.setHgrow(field, javafx.scene.layout.Priority.ALWAYS);
        Row r = row(label, box);
        r.label.setLabelFor(field);
        return r;
    }

    /** Asks the user for a file: the owner window, the dialog's title, the path typed so far. */
    @FunctionalInterface
    interface FileChooserCall {
        java.util.Optional<java.nio.file.Path> choose(javafx.stage.Window owner, String title, String current);
    }

    /** A control without a label (a checkbox whose text says it all), under the controls above it. */
    Row unlabelled(Node control) {
        Row r = new Row(null, control);
        GridPane.setMargin(r.cell, new javafx.geometry.Insets(ROW_GAP, 0, ROW_GAP, 0));
        grid.add(r.cell, 1, next++);
        rows.add(r);
        return r;
    }

    /** One labelled control and its message. */
    static final class Row {
        private final Label label;
        private final VBox cell;
        private final Label message = new Label();
        private Severity severity;

        private Row(Label label, Node control) {
            this.label = label;
            message.getStyleClass().add("pw-form-message");
            message.setWrapText(true);
            message.setMaxWidth(Double.MAX_VALUE);
            cell = new VBox(2, control, message);
            hide(message);
        }

        Row show(boolean shown) {
            if (label != null) {
                label.setVisible(shown);
                label.setManaged(shown);
            }
            cell.setVisible(shown);
            cell.setManaged(shown);
            return this;
        }

        boolean shown() {
            return cell.isVisible();
        }

        /** Shows {@code text} under the control, or nothing when empty. */
        void say(Severity s, Optional<String> text) {
            message.getStyleClass().removeAll("pw-critical", "pw-warn", "text-muted");
            if (text.isEmpty()) {
                severity = null;
                message.setText("");
                hide(message);
                return;
            }
            severity = s;
            message.setText(text.get());
            message.getStyleClass().add(switch (s) {
                case ERROR -> "pw-critical";
                case WARNING -> "pw-warn";
                case INFO -> "text-muted";
            });
            message.setVisible(true);
            message.setManaged(true);
        }

        void clear() {
            say(Severity.INFO, Optional.empty());
        }

        /** The error shown under this row, when it is shown. */
        Optional<String> error() {
            return severity == Severity.ERROR && shown() ? Optional.of(message.getText()) : Optional.empty();
        }

        Label message() {
            return message;
        }

        private static void hide(Label l) {
            l.setVisible(false);
            l.setManaged(false);
        }
    }
}
