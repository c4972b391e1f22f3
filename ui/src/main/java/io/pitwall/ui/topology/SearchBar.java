package io.pitwall.ui.topology;

import io.pitwall.connectors.model.KubeRef;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;

/**
 * The topology's find field, shown over the view's top left corner by Ctrl+F or "/": typing
 * highlights what matches (see {@link TopologySearch}), Enter goes to the next match (Shift+Enter
 * the previous), Escape closes it and clears the highlights.
 */
final class SearchBar extends HBox {

    private final TextField field = new TextField();
    private final Label count = new Label();
    private final Supplier<TopologyLayout> layout;
    private final Consumer<KubeRef> go;
    private final Consumer<Set<KubeRef>> highlight;
    private final Runnable closed;
    private List<KubeRef> matches = List.of();
    private int index = -1;

    /**
     * @param go        selects and shows a match
     * @param highlight receives the matches to highlight
     * @param closed    called after Escape closed the field
     */
    SearchBar(Supplier<TopologyLayout> layout, Consumer<KubeRef> go, Consumer<Set<KubeRef>> highlight, Runnable closed) {
        super(8);
        this.layout = layout;
        this.go = go;
        this.highlight = highlight;
        this.closed = closed;
        setId("topology-search");
        getStyleClass().add("pw-topology-search");
        setAlignment(Pos.CENTER_LEFT);
        field.setId("topology-search-field");
        field.setPromptText("Find a pod, workload, service, ingress or node");
        field.setPrefColumnCount(26);
        count.setId("topology-search-count");
        count.setMinWidth(70);
        getChildren().addAll(field, count);
        setManaged(false);
        setVisible(false);
        // a click in the field is the field's: it must not pan, select or take the focus back
        addEventHandler(MouseEvent.ANY, MouseEvent::consume);
        field.textProperty().addListener((o, was, now) -> find());
        field.setOnAction(e -> next(1));
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close();
                this.closed.run();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER && e.isShiftDown()) {
                next(-1);
                e.consume();
            }
        });
    }

    TextField field() {
        return field;
    }

    List<KubeRef> matches() {
        return matches;
    }

    /** "2 / 17" once Enter went to a match, "17 matches" before, "no match", or nothing. */
    String countText() {
        return count.getText();
    }

    /** Whether anything is being looked for (the field is open or matches are highlighted). */
    boolean active() {
        return isVisible() || !matches.isEmpty();
    }

    void open() {
        setVisible(true);
        field.requestFocus();
        field.selectAll();
    }

    void close() {
        field.setText("");
        setVisible(false);
        matches = List.of();
        index = -1;
        highlight.accept(Set.of());
        showCount();
    }

    /** The layout changed: the same query over it, staying on the current match where it still is. */
    void layoutChanged() {
        if (field.getText().isBlank()) {
            return;
        }
        KubeRef current = index >= 0 && index < matches.size() ? matches.get(index) : null;
        matches = TopologySearch.find(layout.get(), field.getText());
        index = current == null ? -1 : matches.indexOf(current);
        highlight.accept(Set.copyOf(matches));
        showCount();
    }

    private void find() {
        matches = TopologySearch.find(layout.get(), field.getText());
        index = -1;
        highlight.accept(Set.copyOf(matches));
        showCount();
    }

    private void next(int step) {
        if (matches.isEmpty()) {
            return;
        }
        index = Math.floorMod(index < 0 && step < 0 ? 0 : index + step, matches.size());
        go.accept(matches.get(index));
        showCount();
    }

    private void showCount() {
        int total = matches.size();
        count.setText(field.getText().isBlank() ? "" : total == 0 ? "no match"
                : index < 0 ? total + (total == 1 ? " match" : " matches") : (index + 1) + " / " + total);
    }
}
