package io.pitwall.ui.shell;

import io.pitwall.connectors.kube.KubeContext;
import io.pitwall.ui.time.TimeRangeModel;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * The top bar: cluster switcher, namespace filter, the one time range (relative presets,
 * live or paused), and buttons for the palette and opening a file.
 */
public final class TopBar extends HBox {

    /** All namespaces: the filter's first entry. */
    public static final String ALL_NAMESPACES = "All namespaces";

    private final ComboBox<KubeContext> contexts = new ComboBox<>();
    private final ComboBox<String> namespaces = new ComboBox<>();
    private final ObservableList<String> namespaceItems = FXCollections.observableArrayList(ALL_NAMESPACES);
    private final ObjectProperty<Optional<String>> namespace = new SimpleObjectProperty<>(Optional.empty());
    private final ToggleGroup presets = new ToggleGroup();
    private final ToggleButton live = new ToggleButton();
    private final Button custom = new Button("Custom\u2026");
    private final Label rangeLabel = new Label();
    private final Button palette = new Button(null, new FontIcon(MaterialDesignK.KEYBOARD_OUTLINE));
    private final Button open = new Button(null, new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
    private final Button capture = new Button(null, new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignC.CAMERA_OUTLINE));

    public TopBar(TimeRangeModel time) {
        getStyleClass().add("pw-top-bar");
        Label brand = new Label("Pitwall");
        brand.getStyleClass().add("pw-brand");

        contexts.setId("context-switcher");
        contexts.setPromptText("No kubeconfig context");
        contexts.setCellFactory(v -> new ContextCell());
        contexts.setButtonCell(new ContextCell());
        contexts.setPrefWidth(240);
        contexts.setTooltip(new Tooltip("Cluster: the contexts of your kubeconfig"));

        namespaces.setId("namespace-filter");
        namespaces.setItems(namespaceItems);
        namespaces.setEditable(true);
        namespaces.getSelectionModel().select(ALL_NAMESPACES);
        namespaces.setPrefWidth(180);
        namespaces.setTooltip(new Tooltip("Namespace filter for every pane"));
        namespaces.valueProperty().addListener((o, was, now) -> namespace.set(
                now == null || now.isBlank() || ALL_NAMESPACES.equals(now) ? Optional.empty() : Optional.of(now.trim())));

        HBox presetButtons = new HBox(0);
        presetButtons.getStyleClass().add("pw-presets");
        for (Duration d : TimeRangeModel.PRESETS) {
            ToggleButton b = new ToggleButton(TimeRangeModel.label(d));
            b.setId("range-" + TimeRangeModel.label(d));
            b.setUserData(d);
            b.setToggleGroup(presets);
            b.setOnAction(e -> time.setRelative(d));
            presetButtons.getChildren().add(b);
        }
        time.presetProperty().addListener((o, was, now) -> syncPresets(now));
        syncPresets(time.presetProperty().get());

        custom.setId("range-custom");
        custom.setTooltip(new Tooltip("An absolute time range"));
        custom.setOnAction(e -> new TimeRangeDialog(time.range(), ZoneId.systemDefault()).showAndWait()
                .ifPresent(time::setAbsolute));

        live.setId("range-live");
        live.setOnAction(e -> time.setLive(live.isSelected()));
        time.liveProperty().addListener((o, was, now) -> syncLive(now));
        syncLive(time.isLive());

        rangeLabel.setId("range-label");
        time.rangeProperty().addListener((o, was, now) -> rangeLabel.setText(describe(now)));
        rangeLabel.setText(describe(time.range()));

        palette.setId("open-palette");
        palette.setTooltip(new Tooltip("Command palette (Ctrl+K)"));
        open.setId("open-file");
        open.setTooltip(new Tooltip("Open an incident bundle (Ctrl+O)"));
        capture.setId("capture-incident");
        capture.setTooltip(new Tooltip("Capture the incident into one file (Ctrl+Shift+S)"));

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        // a narrow window shortens the range's text and the two pickers, never the buttons
        presetButtons.getChildren().forEach(n -> ((Region) n).setMinWidth(Region.USE_PREF_SIZE));
        for (Region r : List.of(custom, live, capture, open, palette)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        rangeLabel.setMinWidth(0);
        rangeLabel.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        contexts.setMinWidth(120);
        namespaces.setMinWidth(110);
        getChildren().addAll(brand, contexts, namespaces, grow, rangeLabel, presetButtons, custom, live, capture, open, palette);
    }

    /** Fills the cluster switcher; {@code current} is selected when present. */
    public void setContexts(List<KubeContext> items, Optional<String> current) {
        contexts.getItems().setAll(items);
        current.flatMap(name -> items.stream().filter(c -> c.name().equals(name)).findFirst())
                .ifPresentOrElse(contexts.getSelectionModel()::select, contexts.getSelectionModel()::clearSelection);
    }

    public ComboBox<KubeContext> contextSwitcher() {
        return contexts;
    }

    /** Offers these namespaces in the filter (it stays editable for others). */
    public void setNamespaces(List<String> names) {
        String value = namespaces.getValue();
        namespaceItems.setAll(ALL_NAMESPACES);
        namespaceItems.addAll(names);
        namespaces.setValue(value);
    }

    /** Sets the namespace filter (empty: all namespaces), as if the user had chosen it. */
    public void selectNamespace(Optional<String> ns) {
        namespaces.setValue(ns.orElse(ALL_NAMESPACES));
    }

    /** The namespace filter: empty for all namespaces. */
    public ObjectProperty<Optional<String>> namespaceProperty() {
        return namespace;
    }

    public Button paletteButton() {
        return palette;
    }

    public Button captureButton() {
        return capture;
    }

    public Button openButton() {
        return open;
    }

    private void syncPresets(Duration preset) {
        presets.getToggles().forEach(t -> t.setSelected(preset != null && preset.equals(t.getUserData())));
    }

    private void syncLive(boolean following) {
        live.setSelected(following);
        live.setText(following ? "Live" : "Paused");
        live.setGraphic(new FontIcon(following ? MaterialDesignP.PAUSE : MaterialDesignP.PLAY));
        live.setTooltip(new Tooltip(following ? "Following now: click to pause" : "Paused: click to follow now"));
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d HH:mm:ss").withZone(ZoneId.systemDefault());

    private static String describe(io.pitwall.connectors.model.TimeRange r) {
        return r == null ? "" : TIME.format(r.from()) + " \u2013 " + TIME.format(r.to());
    }

    private static final class ContextCell extends ListCell<KubeContext> {
        @Override
        protected void updateItem(KubeContext c, boolean empty) {
            super.updateItem(c, empty);
            if (empty || c == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            setText(c.name());
            if (c.usable()) {
                setGraphic(new FontIcon(MaterialDesignC.CLOUD_OUTLINE));
                setTooltip(new Tooltip(c.name() + "\ncluster " + c.cluster() + c.namespace().map(n -> ", namespace " + n).orElse("")));
            } else {
                setGraphic(new FontIcon(MaterialDesignC.CLOUD_ALERT));
                setTooltip(new Tooltip(c.name() + ": " + c.problem().orElse("")));
            }
        }
    }
}
