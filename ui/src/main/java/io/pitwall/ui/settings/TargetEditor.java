package io.pitwall.ui.settings;

import io.pitwall.connectors.prometheus.EndpointTarget;
import io.pitwall.connectors.prometheus.PrometheusDiscovery;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * Where an endpoint is: a URL, or a Service in the cluster (namespace, name, port, scheme, path)
 * that "Find in cluster" offers candidates for; picking one fills the fields, which stay editable.
 */
final class TargetEditor {

    private final PrometheusDiscovery.Kind kind;
    private Consumer<PrometheusDiscovery.Candidate> onPicked = c -> { };
    private final EndpointServices services;
    private final Runnable changed;
    private final ToggleGroup where = new ToggleGroup();
    final RadioButton byUrl = new RadioButton("URL");
    final RadioButton inCluster = new RadioButton("Service in the cluster, through the API server");
    final TextField url = new TextField();
    final ComboBox<PrometheusDiscovery.Candidate> found = new ComboBox<>();
    final Button find = new Button("Find in cluster");
    private final ProgressIndicator busy = new ProgressIndicator();
    final TextField namespace = new TextField();
    final TextField service = new TextField();
    final TextField port = new TextField();
    final ChoiceBox<String> scheme = new ChoiceBox<>();
    final TextField path = new TextField();
    private final Form.Row urlRow;
    private final Form.Row foundRow;
    private final Form.Row namespaceRow;
    private final Form.Row serviceRow;
    private final Form.Row portRow;
    private final Form.Row schemeRow;
    private final Form.Row pathRow;
    private int search;

    /**
     * @param prefix the controls' id prefix ("prometheus", "alertmanager")
     * @param picked called with the candidate the user picked, after the fields are filled
     */
    TargetEditor(Form form, String prefix, PrometheusDiscovery.Kind kind, EndpointServices services, Runnable changed,
                 Consumer<PrometheusDiscovery.Candidate> picked) {
        this.kind = kind;
        this.services = services;
        this.changed = changed;
        byUrl.setToggleGroup(where);
        inCluster.setToggleGroup(where);
        byUrl.setId(prefix + "-where-url");
        inCluster.setId(prefix + "-where-cluster");
        url.setId(prefix + "-url");
        found.setId(prefix + "-candidates");
        find.setId(prefix + "-find");
        busy.setId(prefix + "-find-busy");
        namespace.setId(prefix + "-namespace");
        service.setId(prefix + "-service");
        port.setId(prefix + "-port");
        scheme.setId(prefix + "-scheme");
        path.setId(prefix + "-path");
        switch (kind) {
            case PROMETHEUS -> {
                url.setPromptText("https://prometheus.example.com");
                service.setPromptText("prometheus-k8s");
                port.setPromptText("9090 or web");
                path.setPromptText("none; /prometheus for Mimir");
            }
            case ALERTMANAGER -> {
                url.setPromptText("https://alertmanager.example.com");
                service.setPromptText("alertmanager-main");
                port.setPromptText("9093 or web");
                path.setPromptText("none");
            }
            case LOKI -> {
                url.setPromptText("https://loki.example.com");
                service.setPromptText("loki-gateway");
                port.setPromptText("3100, 80 or http");
                path.setPromptText("none");
            }
            case JAEGER, ZIPKIN -> {
                url.setPromptText("https://jaeger.example.com");
                service.setPromptText("jaeger-query or zipkin");
                port.setPromptText("16686 or 9411");
                path.setPromptText("none");
            }
        }
        namespace.setPromptText(switch (kind) {
            case LOKI -> "loki";
            case JAEGER, ZIPKIN -> "observability";
            default -> "monitoring";
        });
        scheme.getItems().addAll("http", "https");
        scheme.setValue("http");
        busy.setPrefSize(18, 18);
        busy.setVisible(false);
        found.setMaxWidth(Double.MAX_VALUE);
        found.setPromptText("Press Find in cluster, then pick a Service");
        find.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        found.setCellFactory(l -> new CandidateCell());
        found.setButtonCell(new CandidateCell());
        HBox.setHgrow(found, Priority.ALWAYS);

        form.row("Where", new HBox(16, byUrl, inCluster));
        urlRow = form.row("URL", url);
        foundRow = form.row("Found", new HBox(6, found, find, busy));
        namespaceRow = form.row("Namespace", namespace);
        serviceRow = form.row("Service", service);
        portRow = form.row("Port", port);
        schemeRow = form.row("Scheme", scheme);
        pathRow = form.row("Path prefix", path);

        find.setOnAction(e -> find());
        found.valueProperty().addListener((o, was, c) -> {
            if (c != null) {
                fill(c.target());
                picked.accept(c);
                onPicked.accept(c);
            }
        });
        where.selectedToggleProperty().addListener((o, was, now) -> {
            showRows();
            changed.run();
        });
        for (TextField f : List.of(url, namespace, service, port, path)) {
            f.textProperty().addListener((o, was, now) -> changed.run());
        }
        scheme.valueProperty().addListener((o, was, now) -> changed.run());
        byUrl.setSelected(true);
        showRows();
    }

    /** Also called with the candidate the user picked (the trace form takes its protocol from it). */
    void setOnPicked(Consumer<PrometheusDiscovery.Candidate> action) {
        onPicked = action;
    }

    /** A trace backend is found as either kind; every other kind is only itself. */
    private boolean accepts(PrometheusDiscovery.Kind found) {
        boolean traces = kind == PrometheusDiscovery.Kind.JAEGER || kind == PrometheusDiscovery.Kind.ZIPKIN;
        return traces ? found == PrometheusDiscovery.Kind.JAEGER || found == PrometheusDiscovery.Kind.ZIPKIN : found == kind;
    }

    void load(EndpointTarget target) {
        switch (target) {
            case EndpointTarget.Url u -> {
                url.setText(u.url());
                byUrl.setSelected(true);
            }
            case EndpointTarget.InCluster s -> {
                fill(s);
                inCluster.setSelected(true);
            }
        }
        showRows();
    }

    private void fill(EndpointTarget.InCluster s) {
        namespace.setText(s.namespace());
        service.setText(s.service());
        port.setText(s.port());
        scheme.setValue(s.scheme());
        path.setText(s.pathPrefix());
    }

    boolean isInCluster() {
        return inCluster.isSelected();
    }

    private void showRows() {
        boolean cluster = isInCluster();
        urlRow.show(!cluster);
        for (Form.Row r : List.of(foundRow, namespaceRow, serviceRow, portRow, schemeRow, pathRow)) {
            r.show(cluster);
        }
    }

    /** Says what is wrong under each field; true when the target can be built. */
    boolean validate() {
        if (!isInCluster()) {
            urlRow.say(Form.Severity.ERROR, Checks.url(url.getText()));
            return urlRow.error().isEmpty();
        }
        namespaceRow.say(Form.Severity.ERROR, Checks.kubeName("namespace", namespace.getText()));
        serviceRow.say(Form.Severity.ERROR, Checks.kubeName("Service name", service.getText()));
        portRow.say(Form.Severity.ERROR, Checks.port(port.getText()));
        pathRow.say(Form.Severity.ERROR, Checks.pathPrefix(path.getText()));
        return List.of(namespaceRow, serviceRow, portRow, pathRow).stream().allMatch(r -> r.error().isEmpty());
    }

    /** The target the fields describe, when they are valid. */
    Optional<EndpointTarget> target() {
        if (!validate()) {
            return Optional.empty();
        }
        return Optional.of(isInCluster()
                ? new EndpointTarget.InCluster(namespace.getText().strip(), service.getText().strip(),
                        port.getText().strip(), scheme.getValue(), path.getText().strip())
                : new EndpointTarget.Url(url.getText().strip()));
    }

    /** The first error of the shown fields. */
    Optional<String> firstError() {
        validate();
        return List.of(urlRow, namespaceRow, serviceRow, portRow, pathRow).stream()
                .map(Form.Row::error).flatMap(Optional::stream).findFirst();
    }

    /** Lists the cluster's Services off the FX thread and offers the ones of this kind. */
    private void find() {
        int mine = ++search;
        find.setDisable(true);
        busy.setVisible(true);
        foundRow.say(Form.Severity.INFO, Optional.of("Listing the cluster's Services\u2026"));
        services.discover().get().whenComplete((all, error) -> Platform.runLater(() -> {
            if (mine != search) {
                return;
            }
            find.setDisable(false);
            busy.setVisible(false);
            if (error != null) {
                Throwable c = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                foundRow.say(Form.Severity.WARNING, Optional.of("Could not list the cluster's Services: "
                        + c.getMessage() + ". Enter the Service below."));
                return;
            }
            List<PrometheusDiscovery.Candidate> mineKind = all.stream().filter(c -> accepts(c.kind())).toList();
            found.getItems().setAll(mineKind);
            found.setPromptText(mineKind.isEmpty() ? "None found" : "Pick a Service");
            found.setDisable(mineKind.isEmpty());
            foundRow.say(Form.Severity.INFO, Optional.of(mineKind.isEmpty()
                    ? "No " + switch (kind) {
                        case PROMETHEUS -> "Prometheus-compatible";
                        case ALERTMANAGER -> "Alertmanager";
                        case LOKI -> "Loki";
                        case JAEGER, ZIPKIN -> "Jaeger or Zipkin";
                    }
                            + " Service found under the usual names: enter it below."
                    : mineKind.size() + (mineKind.size() == 1 ? " Service" : " Services")
                            + " found, the likeliest first: pick one, then change what you need."));
            changed.run();
        }));
    }

    private static final class CandidateCell extends ListCell<PrometheusDiscovery.Candidate> {
        @Override
        protected void updateItem(PrometheusDiscovery.Candidate c, boolean empty) {
            super.updateItem(c, empty);
            setText(empty || c == null ? null : c.target().namespace() + "/" + c.target().service() + ":"
                    + c.target().port() + c.target().pathPrefix() + "  (" + c.why() + ")");
        }
    }
}
