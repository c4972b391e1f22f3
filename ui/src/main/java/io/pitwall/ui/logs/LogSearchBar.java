package io.pitwall.ui.logs;

import java.util.EnumMap;
import java.util.Map;
import java.util.regex.PatternSyntaxException;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Search over every line loaded: plain or a regular expression, with or without case; Enter and
 * Shift+Enter go to the next and previous hit ("12 of 3,401"); Filter shows only matching lines;
 * the Levels menu keeps or hides levels (and says how many are shown). Each keystroke searches
 * anew (the previous search stops). It fits a narrow pane: only the search field gives way.
 */
public final class LogSearchBar extends HBox {

    private final LogView view;
    private final TextField field = new TextField();
    private final ToggleButton regex = new ToggleButton(".*");
    private final ToggleButton matchCase = new ToggleButton("Aa");
    private final ToggleButton filterOnly = new ToggleButton("Filter");
    private final Button previous = new Button();
    private final Button next = new Button();
    private final Label count = new Label();
    private final Map<LogLevel, javafx.scene.control.CheckMenuItem> levels = new EnumMap<>(LogLevel.class);
    private final javafx.scene.control.MenuButton levelMenu = new javafx.scene.control.MenuButton();

    public LogSearchBar(LogView view) {
        super(4);
        this.view = view;
        setId("log-search");
        getStyleClass().add("pw-log-search");
        setAlignment(Pos.CENTER_LEFT);
        field.setId("log-search-field");
        field.setPromptText("Search the lines loaded (Enter: next, Shift+Enter: previous)");
        field.getStyleClass().add("pw-mono");
        field.setMinWidth(140);
        HBox.setHgrow(field, Priority.ALWAYS);
        regex.setId("log-search-regex");
        regex.setTooltip(new Tooltip("Regular expression"));
        matchCase.setId("log-search-case");
        matchCase.setTooltip(new Tooltip("Match case"));
        filterOnly.setId("log-search-filter");
        filterOnly.setTooltip(new Tooltip("Show only the lines that match"));
        previous.setId("log-search-previous");
        previous.setGraphic(new FontIcon("mdi2c-chevron-up"));
        previous.setTooltip(new Tooltip("Previous hit (Shift+Enter)"));
        next.setId("log-search-next");
        next.setGraphic(new FontIcon("mdi2c-chevron-down"));
        next.setTooltip(new Tooltip("Next hit (Enter)"));
        count.setId("log-search-count");
        count.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        count.getStyleClass().add("text-muted");
        levelMenu.setId("log-levels");
        levelMenu.setTooltip(new Tooltip("Which levels to show"));
        for (javafx.scene.control.ButtonBase b : new javafx.scene.control.ButtonBase[] {regex, matchCase, filterOnly, previous, next,
                levelMenu}) {
            b.getStyleClass().add("small");
            b.setFocusTraversable(false);
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        getChildren().addAll(field, regex, matchCase, previous, next, count, filterOnly, levelMenu);
        for (LogLevel level : LogLevel.values()) {
            javafx.scene.control.CheckMenuItem item = new javafx.scene.control.CheckMenuItem(
                    level == LogLevel.UNKNOWN ? "lines without a level" : level.tag().toLowerCase(java.util.Locale.ROOT));
            item.setId("log-level-" + level.name());
            item.setSelected(true);
            item.selectedProperty().addListener((o, a, b) -> apply());
            levels.put(level, item);
            levelMenu.getItems().add(item);
        }
        showLevels();
        field.textProperty().addListener((o, a, b) -> apply());
        regex.selectedProperty().addListener((o, a, b) -> apply());
        matchCase.selectedProperty().addListener((o, a, b) -> apply());
        filterOnly.selectedProperty().addListener((o, a, b) -> apply());
        previous.setOnAction(e -> view.previousHit());
        next.setOnAction(e -> view.nextHit());
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                if (e.isShiftDown()) {
                    view.previousHit();
                } else {
                    view.nextHit();
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                field.setText("");
                view.requestFocus();
                e.consume();
            }
        });
    }

    /** "Levels" when all show, else how many of them do. */
    private void showLevels() {
        long shown = levels.values().stream().filter(javafx.scene.control.CheckMenuItem::isSelected).count();
        levelMenu.setText(shown == levels.size() ? "Levels" : "Levels " + shown + "/" + levels.size());
    }

    private void apply() {
        showLevels();
        int mask = 0;
        for (Map.Entry<LogLevel, javafx.scene.control.CheckMenuItem> e : levels.entrySet()) {
            if (e.getValue().isSelected()) {
                mask |= e.getKey().bit();
            }
        }
        LogFilter f;
        try {
            f = new LogFilter(field.getText(), regex.isSelected(), matchCase.isSelected(), mask);
        } catch (PatternSyntaxException bad) {
            count.setText("bad regex");
            count.setTooltip(new Tooltip(bad.getDescription() + " at " + bad.getIndex()));
            field.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), true);
            return;
        }
        field.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), false);
        count.setTooltip(null);
        view.setFilter(f, filterOnly.isSelected());
        showCount();
    }

    /** Shows the view's hit count (after a search or a step to another hit). */
    void showCount() {
        count.setText(view.hitText());
    }

    public TextField field() {
        return field;
    }

    public ToggleButton regexToggle() {
        return regex;
    }

    public ToggleButton caseToggle() {
        return matchCase;
    }

    public ToggleButton filterToggle() {
        return filterOnly;
    }

    /** The menu item that shows or hides {@code level}. */
    public javafx.scene.control.CheckMenuItem levelToggle(LogLevel level) {
        return levels.get(level);
    }

    /** The count shown: "12 of 3,401", "no match", "bad regex" or "". */
    public String countText() {
        return count.getText();
    }
}
