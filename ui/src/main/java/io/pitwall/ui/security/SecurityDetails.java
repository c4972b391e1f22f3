package io.pitwall.ui.security;

import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.SecurityFinding;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The chosen finding in full: severity, source, rule and title, when, the object, what happened
 * and what to do, and the original payload (pretty JSON, every field as the tool wrote it); with
 * the actions that take the other panes to it: its object in the topology, its logs around the
 * event's time, its metrics.
 */
final class SecurityDetails extends VBox {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS z")
            .withZone(ZoneId.systemDefault());

    private final Label title = new Label();
    private final Label facts = new Label();
    private final Label message = new Label();
    private final Label remediation = new Label();
    private final TextArea payload = new TextArea();
    private final Button topology = new Button("Show in topology");
    private final Button logs = new Button("Logs around this time");
    private final Button metrics = new Button("Metrics");
    private SecurityFinding shown;
    Consumer<KubeRef> onTopology = ref -> { };
    BiConsumer<KubeRef, Instant> onLogs = (ref, at) -> { };
    Consumer<KubeRef> onMetrics = ref -> { };

    SecurityDetails() {
        setId("security-details");
        setSpacing(6);
        setPadding(new Insets(6));
        title.getStyleClass().add("pw-security-title");
        title.setWrapText(true);
        facts.setWrapText(true);
        message.setWrapText(true);
        remediation.setWrapText(true);
        remediation.getStyleClass().add("pw-muted");
        payload.setId("security-payload");
        payload.setEditable(false);
        payload.getStyleClass().add("pw-mono");
        VBox.setVgrow(payload, Priority.ALWAYS);
        topology.setId("security-show-topology");
        logs.setId("security-show-logs");
        metrics.setId("security-show-metrics");
        topology.setOnAction(e -> about().ifPresent(onTopology));
        logs.setOnAction(e -> about().ifPresent(ref -> onLogs.accept(ref, shown.time())));
        metrics.setOnAction(e -> about().ifPresent(onMetrics));
        getChildren().addAll(title, facts, message, remediation, new FlowPane(6, 6, topology, logs, metrics), payload);
        show(null);
    }

    /** Shows {@code f}, or a hint when nothing is chosen. */
    void show(SecurityFinding f) {
        shown = f;
        boolean some = f != null;
        topology.setDisable(!some || f.object() == null);
        logs.setDisable(!some || f.object() == null || f.time() == null);
        metrics.setDisable(!some || f.object() == null);
        if (!some) {
            title.setText("Choose a finding to see it in full.");
            facts.setText("");
            message.setText("");
            remediation.setText("");
            payload.setText("");
            return;
        }
        title.setText(f.severity().label().toUpperCase(java.util.Locale.ROOT) + "  " + f.title());
        StringBuilder s = new StringBuilder();
        s.append("Source: ").append(SecurityView.sourceName(f.source()));
        if (!f.rule().isEmpty() && !f.rule().equals(f.title())) {
            s.append("\nRule: ").append(f.rule());
        }
        s.append("\nWhen: ").append(f.time() == null ? "now (a standing finding)" : TIME.format(f.time()));
        s.append("\nObject: ").append(f.object() == null ? "not named" : f.object().toString());
        if (!f.namespace().isEmpty()) {
            s.append("\nNamespace: ").append(f.namespace());
        }
        facts.setText(s.toString());
        // a Falco event's rule, in Falco's own words, when the published rules have it
        String rule = f.source() == io.pitwall.connectors.model.FindingSource.FALCO
                ? io.pitwall.connectors.security.FalcoRules.of(f.rule()).map(r -> "\n\nThe rule (Falco, " + r.tier() + "): "
                        + r.description()).orElse("") : "";
        message.setText(f.message() + rule);
        remediation.setText(f.remediation().isEmpty() ? "" : "What to do: " + f.remediation());
        payload.setText(io.pitwall.connectors.security.FindingDetails.pretty(f));
    }

    SecurityFinding shown() {
        return shown;
    }

    String factsText() {
        return facts.getText();
    }

    String messageText() {
        return message.getText();
    }

    String payloadText() {
        return payload.getText();
    }

    private java.util.Optional<KubeRef> about() {
        return shown == null ? java.util.Optional.empty() : shown.about();
    }
}
