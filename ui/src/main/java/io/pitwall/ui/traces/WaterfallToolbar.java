package io.pitwall.ui.traces;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/**
 * Over the waterfall: find in the trace (its count, previous and next), expand all, collapse all
 * or to a level, reset the zoom, the critical path on or off, and the legend of the row marks.
 */
public final class WaterfallToolbar extends HBox {

    private final TraceWaterfall waterfall;
    private final TextField find = new TextField();
    private final Label count = new Label();
    private final MenuButton levels = new MenuButton("Levels");

    public WaterfallToolbar(TraceWaterfall waterfall) {
        super(6);
        this.waterfall = waterfall;
        setId("trace-toolbar");
        setAlignment(Pos.CENTER_LEFT);
        find.setId("trace-find-field");
        find.setPromptText("Find spans: service, operation, tag, id");
        find.setPrefColumnCount(18);
        find.textProperty().addListener((o, a, b) -> waterfall.search(b));
        find.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                if (e.isShiftDown()) {
                    waterfall.previousHit();
                } else {
                    waterfall.nextHit();
                }
                e.consume();
            }
        });
        count.setId("trace-find-count");
        count.getStyleClass().add("text-muted");
        count.setMinWidth(Region.USE_PREF_SIZE);
        Button previous = button("trace-find-previous", new FontIcon(MaterialDesignC.CHEVRON_UP), "Previous match (Shift+Enter)");
        previous.setOnAction(e -> waterfall.previousHit());
        Button next = button("trace-find-next", new FontIcon(MaterialDesignC.CHEVRON_DOWN), "Next match (Enter)");
        next.setOnAction(e -> waterfall.nextHit());
        waterfall.setOnSearched(() -> count.setText(waterfall.hitText()));
        Button expand = button("trace-expand-all", new FontIcon(MaterialDesignA.ARROW_EXPAND_VERTICAL), "Expand all");
        expand.setOnAction(e -> waterfall.expandAll());
        Button collapse = button("trace-collapse-all", new FontIcon(MaterialDesignA.ARROW_COLLAPSE_VERTICAL), "Collapse all");
        collapse.setOnAction(e -> waterfall.collapseAll());
        levels.setId("trace-levels");
        levels.getStyleClass().add("small");
        levels.setTooltip(new Tooltip("Show the levels down to a depth"));
        levels.setOnShowing(e -> fillLevels());
        Button reset = button("trace-reset-zoom", new FontIcon(MaterialDesignM.MAGNIFY_MINUS_OUTLINE), "Whole trace (drag on the time axis or the minimap to zoom)");
        reset.setOnAction(e -> waterfall.resetZoom());
        ToggleButton critical = new ToggleButton("Critical path");
        critical.setId("trace-critical");
        critical.getStyleClass().add("small");
        critical.setTooltip(new Tooltip("Mark the pieces of spans the trace's end waited on"));
        critical.selectedProperty().bindBidirectional(waterfall.showCriticalPathProperty());
        Label legend = new Label("Legend", new FontIcon(MaterialDesignI.INFORMATION_OUTLINE));
        legend.setId("trace-legend");
        legend.getStyleClass().add("text-muted");
        legend.setTooltip(new Tooltip(SpanFlags.LEGEND.replace("   ", "\n") + "\nwhite line: critical path"));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        find.setMinWidth(120);
        getChildren().addAll(find, count, previous, next, grow, expand, collapse, levels, reset, critical, legend);
    }

    private static Button button(String id, FontIcon icon, String tip) {
        Button b = new Button(null, icon);
        b.setId(id);
        b.getStyleClass().addAll("small", "flat");
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    private void fillLevels() {
        levels.getItems().clear();
        WaterfallRows rows = waterfall.rows();
        if (rows == null) {
            return;
        }
        int deepest = rows.maxDepth();
        for (int d = 0; d <= Math.min(deepest, 9); d++) {
            int depth = d;
            MenuItem item = new MenuItem(d == 0 ? "Roots only" : "Down to level " + d);
            item.setOnAction(e -> waterfall.collapseToDepth(depth));
            levels.getItems().add(item);
        }
        if (deepest > 9) {
            MenuItem all = new MenuItem("All " + (deepest + 1) + " levels");
            all.setOnAction(e -> waterfall.expandAll());
            levels.getItems().add(all);
        }
    }

    public TextField findField() {
        return find;
    }

    public String countText() {
        return count.getText();
    }
}
