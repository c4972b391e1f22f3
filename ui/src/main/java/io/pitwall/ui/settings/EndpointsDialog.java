package io.pitwall.ui.settings;

import io.pitwall.connectors.prometheus.ContextEndpoints;
import io.pitwall.connectors.prometheus.PrometheusEndpoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

/**
 * Edits one context's metrics, alerts and logs endpoints as plain data: its Prometheus-compatible
 * endpoints (a URL or a Service in the cluster, authentication, TLS, an HA partner, which one the
 * graphs read), its Alertmanager and its Loki. Each has "Test connection". OK gives the new
 * {@link ContextEndpoints} (kept disabled while a field is wrong); Cancel gives nothing. Nothing
 * here blocks: tests, discovery and file checks are futures from {@link EndpointServices}.
 */
public final class EndpointsDialog extends Dialog<ContextEndpoints> {

    private final EndpointServices services;
    private final ObservableList<PrometheusForm> forms = FXCollections.observableArrayList();
    private final ListView<PrometheusForm> list = new ListView<>(forms);
    private final ComboBox<String> graphs = new ComboBox<>();
    private final StackPane editor = new StackPane();
    private final VBox placeholder;
    private final AlertmanagerForm alertmanager;
    private final LokiForm loki;
    private final TracesForm traces;
    private final TabPane tabs = new TabPane();
    private final Label problem = new Label();
    private final Map<PrometheusForm, Boolean> valid = new HashMap<>();
    private PrometheusForm graphsForm;
    private boolean ready;
    private boolean listingGraphs;

    public EndpointsDialog(String context, ContextEndpoints current, EndpointServices services) {
        this.services = services;
        setTitle("Endpoints");
        setHeaderText("Metrics, alerts and logs for " + context);
        setResizable(true);
        getDialogPane().getStyleClass().add("pw-endpoints-dialog");
        getDialogPane().setId("endpoints-dialog");

        list.setId("prometheus-endpoints");
        list.setCellFactory(l -> new EndpointCell());
        list.setPrefWidth(240);
        Label none = new Label("No Prometheus endpoint yet.\nAdd one: a URL, or a Service found in the cluster.");
        none.setWrapText(true);
        none.getStyleClass().add("text-muted");
        list.setPlaceholder(none);
        Button add = new Button("Add");
        add.setId("prometheus-add");
        Button remove = new Button("Remove");
        remove.setId("prometheus-remove");
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        add.setOnAction(e -> add());
        remove.setOnAction(e -> remove(list.getSelectionModel().getSelectedItem()));
        graphs.setId("prometheus-graphs");
        graphs.setMaxWidth(Double.MAX_VALUE);
        graphs.valueProperty().addListener((o, a, chosen) -> {
            if (!listingGraphs && chosen != null) {
                graphsForm = forms.stream().filter(f -> f.name().equals(chosen)).findFirst().orElse(graphsForm);
            }
        });
        Label graphsLabel = new Label("The graphs read");
        graphsLabel.setLabelFor(graphs);
        VBox left = new VBox(6, list, new HBox(6, add, remove), graphsLabel, graphs);
        VBox.setVgrow(list, Priority.ALWAYS);
        Label empty = new Label("Add an endpoint to edit it here.");
        empty.getStyleClass().add("text-muted");
        placeholder = new VBox(empty);
        placeholder.setAlignment(javafx.geometry.Pos.CENTER);
        BorderPane prometheusTab = new BorderPane(editor);
        prometheusTab.setLeft(left);
        BorderPane.setMargin(left, new javafx.geometry.Insets(8, 8, 8, 0));

        alertmanager = new AlertmanagerForm(services, this::revalidate);
        Tab promTab = new Tab("Prometheus", prometheusTab);
        promTab.setId("tab-prometheus");
        Tab amTab = new Tab("Alertmanager", alertmanager.node());
        amTab.setId("tab-alertmanager");
        loki = new LokiForm(services, this::revalidate);
        Tab lokiTab = new Tab("Loki", loki.node());
        lokiTab.setId("tab-loki");
        traces = new TracesForm(services, this::revalidate);
        Tab tracesTab = new Tab("Traces", traces.node());
        tracesTab.setId("tab-traces");
        tabs.getTabs().addAll(promTab, amTab, lokiTab, tracesTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        problem.setId("endpoints-problem");
        problem.getStyleClass().add("pw-critical");
        problem.setWrapText(true);
        problem.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        BorderPane.setMargin(problem, new javafx.geometry.Insets(4, 0, 0, 0));
        BorderPane content = new BorderPane(tabs);
        content.setBottom(problem);
        content.setMinSize(720, 480);
        getDialogPane().setPrefSize(980, 780);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);

        load(current);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, f) -> showEditor(f));
        ready = true;
        if (!forms.isEmpty()) {
            list.getSelectionModel().selectFirst();
        }
        showEditor(list.getSelectionModel().getSelectedItem());
        revalidate();
        getDialogPane().lookupButton(ButtonType.OK).addEventFilter(ActionEvent.ACTION, e -> {
            if (result().isEmpty()) {
                e.consume();
            }
        });
        setResultConverter(b -> b == ButtonType.OK ? result().orElse(null) : null);
    }

    private void load(ContextEndpoints current) {
        Map<String, PrometheusForm> byName = new HashMap<>();
        for (PrometheusEndpoint e : current.prometheus()) {
            PrometheusForm f = newForm(e.name());
            f.load(e);
            forms.add(f);
            byName.put(e.name(), f);
        }
        for (PrometheusEndpoint e : current.prometheus()) {
            e.haPartner().map(byName::get).ifPresent(p -> byName.get(e.name()).setPartner(p));
        }
        graphsForm = current.primary().map(e -> byName.get(e.name())).orElse(null);
        alertmanager.load(current.alertmanager());
        loki.load(current.loki());
        traces.load(current.traces());
    }

    private PrometheusForm newForm(String name) {
        return new PrometheusForm(name, services, this::revalidate, this::pair);
    }

    private void add() {
        String name = "prometheus";
        for (int n = 2; names(null).contains(name); n++) {
            name = "prometheus-" + n;
        }
        PrometheusForm f = newForm(name);
        forms.add(f);
        if (graphsForm == null) {
            graphsForm = f;
        }
        tabs.getSelectionModel().selectFirst();
        list.getSelectionModel().select(f);
        revalidate();
        f.name.requestFocus();
        f.name.selectAll();
    }

    private void remove(PrometheusForm f) {
        if (f == null) {
            return;
        }
        forms.stream().filter(o -> o.partner() == f).forEach(o -> o.setPartner(null));
        forms.remove(f);
        valid.remove(f);
        if (graphsForm == f) {
            graphsForm = forms.isEmpty() ? null : forms.getFirst();
        }
        revalidate();
    }

    /** Makes {@code a} and {@code b} an HA pair (b null: {@code a} has none); a pair is kept on both sides. */
    private void pair(PrometheusForm a, PrometheusForm b) {
        PrometheusForm old = a.partner();
        if (old == b) {
            return;
        }
        if (old != null && old.partner() == a) {
            old.setPartner(null);
        }
        if (b != null) {
            PrometheusForm bOld = b.partner();
            if (bOld != null && bOld != a && bOld.partner() == b) {
                bOld.setPartner(null);
            }
            b.setPartner(a);
        }
        a.setPartner(b);
        revalidate();
    }

    private void showEditor(PrometheusForm f) {
        editor.getChildren().setAll(f == null ? placeholder : f.node());
    }

    private List<String> names(PrometheusForm except) {
        List<String> names = new ArrayList<>();
        forms.stream().filter(f -> f != except).forEach(f -> names.add(f.name()));
        return names;
    }

    /** Checks every field after any change: messages under the fields, the first problem below, OK only when all is valid. */
    private void revalidate() {
        if (!ready) {
            return;
        }
        boolean ok = true;
        Optional<String> first = Optional.empty();
        for (PrometheusForm f : forms) {
            boolean v = f.validate(names(f));
            valid.put(f, v);
            f.setOthers(forms);
            if (!v && first.isEmpty()) {
                first = f.firstError().map(m -> (f.name().isEmpty() ? "An endpoint" : f.name()) + ": " + m);
            }
            ok &= v;
        }
        boolean am = alertmanager.validate();
        if (!am && first.isEmpty()) {
            first = alertmanager.firstError().map(m -> "Alertmanager: " + m);
        }
        ok &= am;
        boolean logs = loki.validate();
        if (!logs && first.isEmpty()) {
            first = loki.firstError().map(m -> "Loki: " + m);
        }
        boolean tracing = traces.validate();
        ok &= tracing;
        if (first.isEmpty() && !tracing) {
            first = traces.firstError().map(m -> "Traces: " + m);
        }
        ok &= logs;
        listingGraphs = true;
        graphs.getItems().setAll(names(null));
        graphs.setValue(graphsForm == null ? null : graphsForm.name());
        graphs.setDisable(forms.isEmpty());
        listingGraphs = false;
        list.refresh();
        problem.setText(first.orElse("")); // its line stays, so nothing above it moves when it empties
        getDialogPane().lookupButton(ButtonType.OK).setDisable(!ok);
    }

    /** The endpoints as the dialog holds them now, when every field is valid. */
    public Optional<ContextEndpoints> result() {
        List<PrometheusEndpoint> endpoints = new ArrayList<>();
        for (PrometheusForm f : forms) {
            if (!f.validate(names(f))) {
                return Optional.empty();
            }
            endpoints.add(f.endpoint().orElseThrow());
        }
        if (!alertmanager.validate() || !loki.validate() || !traces.validate()) {
            return Optional.empty();
        }
        Optional<String> selected = graphsForm == null || endpoints.isEmpty() ? Optional.empty()
                : Optional.of(graphsForm.name());
        try {
            return Optional.of(new ContextEndpoints(endpoints, selected, alertmanager.endpoint(), loki.endpoint(),
                    traces.endpoint()));
        } catch (IllegalArgumentException e) {
            problem.setText(e.getMessage());
            return Optional.empty();
        }
    }

    /** The Prometheus list's cell: the name over where it is, marked when a field is wrong. */
    private final class EndpointCell extends ListCell<PrometheusForm> {
        EndpointCell() {
            setPrefWidth(0); // as wide as the list: long names are cut, not scrolled
        }

        @Override
        protected void updateItem(PrometheusForm f, boolean empty) {
            super.updateItem(f, empty);
            if (empty || f == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label name = new Label(f.name().isEmpty() ? "(no name)" : f.name()
                    + (f.partner() != null ? "  \u21c4 " + f.partner().name() : ""));
            name.getStyleClass().add("text-bold");
            Label where = new Label(f.describe().isEmpty() ? "not set" : f.describe());
            where.getStyleClass().addAll("text-muted", "text-small");
            Node graphic = new VBox(1, name, where);
            if (!valid.getOrDefault(f, true)) {
                FontIcon warn = new FontIcon(MaterialDesignA.ALERT_CIRCLE_OUTLINE);
                warn.getStyleClass().add("pw-critical-icon");
                graphic = new HBox(6, warn, graphic);
            }
            setText(null);
            setGraphic(graphic);
        }
    }
}
