package io.pitwall.ui.workspace;

import io.pitwall.connectors.model.ClusterState;
import io.pitwall.connectors.model.EventInfo;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.PodInfo;
import io.pitwall.connectors.model.ServiceInfo;
import io.pitwall.connectors.model.Topology;
import io.pitwall.connectors.model.WorkloadInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The details of the selected object: for a pod its status, containers (images, restarts, why
 * they last stopped, requests and limits), conditions, node, owner and recent events; for a
 * workload or service what it selects; for every object its YAML, read-only and redacted.
 */
public final class DetailsView extends ScrollPane {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d HH:mm:ss").withZone(ZoneId.systemDefault());

    private final VBox content = new VBox(10);
    private final TextArea yaml = new TextArea();
    private final TitledPane yamlPane = new TitledPane("YAML (read-only, secret values redacted)", yaml);
    private Function<KubeRef, CompletableFuture<Optional<String>>> yamlSource =
            ref -> CompletableFuture.completedFuture(Optional.empty());
    private KubeRef shown;

    public DetailsView() {
        setId("details-view");
        setFitToWidth(true);
        content.getStyleClass().add("pw-notes");
        setContent(content);
        yaml.setEditable(false);
        yaml.setId("details-yaml");
        yaml.getStyleClass().add("pw-mono");
        yaml.setPrefRowCount(24);
        yamlPane.setId("details-yaml-pane");
        yamlPane.setExpanded(false);
        yamlPane.expandedProperty().addListener((o, was, now) -> {
            if (now) {
                loadYaml();
            }
        });
    }

    /**
     * Where the YAML of an object comes from: the session, off the FX thread. The future
     * completes on any thread; the view takes the text over on the FX thread.
     */
    public void setYamlSource(Function<KubeRef, CompletableFuture<Optional<String>>> source) {
        this.yamlSource = source;
    }

    /** The YAML section, for tests and the palette. */
    public TitledPane yamlPane() {
        return yamlPane;
    }

    public TextArea yamlText() {
        return yaml;
    }

    private void loadYaml() {
        KubeRef ref = shown;
        if (ref == null) {
            return;
        }
        yaml.setText("Loading...");
        yamlSource.apply(ref).whenComplete((text, error) -> javafx.application.Platform.runLater(() -> {
            if (ref.equals(shown)) {
                yaml.setText(error != null ? "The YAML could not be read: " + error.getMessage()
                        : text.orElse("This session does not hold the object's YAML (" + ref + ")."));
                yaml.positionCaret(0);
            }
        }));
    }

    /** Shows {@code ref} as {@code state} has it; says so when the object is gone. */
    public void show(KubeRef ref, ClusterState state) {
        boolean same = ref.equals(shown);
        shown = ref;
        content.getChildren().clear();
        Label title = new Label(ref.kind() + " " + ref.name());
        title.getStyleClass().add("title-4");
        title.setId("details-title");
        content.getChildren().add(title);
        if (!ref.namespace().isEmpty()) {
            content.getChildren().add(muted("namespace " + ref.namespace()));
        }
        switch (ref.kind()) {
            case "Pod" -> state.pods().stream().filter(p -> p.ref().equals(ref)).findFirst()
                    .ifPresentOrElse(p -> pod(p, state), () -> gone(ref));
            case "Service" -> state.services().stream().filter(s -> s.ref().equals(ref)).findFirst()
                    .ifPresentOrElse(this::service, () -> gone(ref));
            default -> state.workloads().stream().filter(w -> w.ref().equals(ref)).findFirst()
                    .ifPresentOrElse(w -> workload(w, state), () -> content.getChildren().add(muted("No more details.")));
        }
        List<EventInfo> events = state.events().stream().filter(e -> e.object().name().equals(ref.name())
                && e.object().kind().equals(ref.kind())).toList();
        if (!events.isEmpty()) {
            content.getChildren().add(section("Events"));
            events.stream().sorted((a, b) -> b.last().compareTo(a.last())).limit(20).forEach(e -> {
                Label l = new Label((e.warning() ? "\u26a0 " : "") + e.last() + "  " + e.reason()
                        + (e.count() > 1 ? " \u00d7" + e.count() : "") + "\n" + e.message());
                l.setWrapText(true);
                if (e.warning()) {
                    l.getStyleClass().add("pw-warn");
                }
                content.getChildren().add(l);
            });
        }
        content.getChildren().add(yamlPane);
        if (yamlPane.isExpanded()) {
            if (!same) {
                loadYaml();
            }
        }
    }

    private void pod(PodInfo p, ClusterState state) {
        Topology.Health health = Topology.Health.of(p);
        grid(List.of(
                new String[] {"Phase", p.phase() + (p.ready() ? ", ready" : ", not ready")},
                new String[] {"Health", health.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + p.reason().map(r -> " (" + r + ")").orElse("")},
                new String[] {"Restarts", Integer.toString(p.restarts())},
                new String[] {"Node", p.nodeName().isEmpty() ? "not scheduled" : p.nodeName()},
                new String[] {"Owner", ownerChain(p.owner(), state)}));
        if (!p.conditions().isEmpty()) {
            content.getChildren().add(section("Conditions"));
            grid(p.conditions().stream().map(c -> new String[] {c.type(), c.status()
                    + c.reason().map(r -> " (" + r + ")").orElse("")
                    + c.since().map(t -> ", since " + TIME.format(t)).orElse("")
                    + c.message().map(m -> "\n" + m).orElse("")}).toList());
        }
        content.getChildren().add(section("Containers"));
        for (PodInfo.ContainerInfo c : p.containers()) {
            Label l = new Label(c.name() + "  " + c.image() + "\n" + c.state() + c.stateReason().map(r -> " (" + r + ")").orElse("")
                    + ", " + c.restarts() + " restarts" + c.lastTermination().map(t -> ", last stopped: " + t).orElse("")
                    + "\nrequests " + resources(c.requests()) + ", limits " + resources(c.limits()));
            l.setWrapText(true);
            if (c.lastTermination().isPresent()) {
                l.getStyleClass().add("pw-warn");
            }
            content.getChildren().add(l);
        }
        labels(p.labels());
    }

    private void workload(WorkloadInfo w, ClusterState state) {
        grid(List.of(
                new String[] {"Ready", w.ready() + " of " + (w.desired() < 0 ? "-" : w.desired())},
                new String[] {"Selector", format(w.selector())},
                new String[] {"Owner", ownerChain(w.owner(), state)}));
        labels(w.labels());
    }

    private void service(ServiceInfo s) {
        grid(List.of(
                new String[] {"Type", s.type()},
                new String[] {"Ports", String.join(", ", s.ports())},
                new String[] {"Selector", format(s.selector())}));
    }

    private static String ownerChain(Optional<KubeRef> owner, ClusterState state) {
        StringBuilder chain = new StringBuilder();
        Optional<KubeRef> current = owner;
        for (int i = 0; i < 4 && current.isPresent(); i++) {
            KubeRef ref = current.get();
            chain.append(chain.isEmpty() ? "" : " \u2190 ").append(ref.kind()).append(' ').append(ref.name());
            current = state.workloads().stream().filter(w -> w.ref().equals(ref)).findFirst().flatMap(WorkloadInfo::owner);
        }
        return chain.isEmpty() ? "none" : chain.toString();
    }

    private void labels(Map<String, String> labels) {
        if (!labels.isEmpty()) {
            content.getChildren().add(section("Labels"));
            Label l = new Label(format(labels));
            l.setWrapText(true);
            content.getChildren().add(l);
        }
    }

    private void grid(List<String[]> rows) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        int r = 0;
        for (String[] row : rows) {
            Label value = new Label(row[1]);
            value.setWrapText(true);
            grid.addRow(r++, muted(row[0]), value);
        }
        content.getChildren().add(grid);
    }

    private void gone(KubeRef ref) {
        content.getChildren().add(muted(ref + " is no longer in the cluster."));
    }

    private static String resources(Map<String, String> r) {
        return r.isEmpty() ? "none" : r.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String format(Map<String, String> labels) {
        return labels.isEmpty() ? "none" : labels.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("title-4");
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("text-muted");
        l.setWrapText(true);
        return l;
    }
}
