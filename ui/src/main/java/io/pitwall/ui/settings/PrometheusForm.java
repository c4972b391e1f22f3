package io.pitwall.ui.settings;

import io.pitwall.connectors.http.HttpSettings;
import io.pitwall.connectors.prometheus.EndpointTarget;
import io.pitwall.connectors.prometheus.PromDurations;
import io.pitwall.connectors.prometheus.PrometheusDiscovery;
import io.pitwall.connectors.prometheus.PrometheusEndpoint;
import io.pitwall.connectors.prometheus.PrometheusEndpoint.Flavor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.util.StringConverter;

/** One Prometheus-compatible endpoint's settings: name, flavor, where, HA partner, authentication, TLS, test. */
final class PrometheusForm {

    static final String NO_PARTNER = "(none)";

    private final Form form = new Form();
    final TextField name = new TextField();
    final ChoiceBox<Flavor> flavor = new ChoiceBox<>();
    final TargetEditor target;
    final TextField scrape = new TextField();
    final ComboBox<String> partnerBox = new ComboBox<>();
    final AuthEditor auth;
    final ConnectionEditor connection;
    final ConnectionCheck check;
    private final Form.Row nameRow;
    private final Form.Row scrapeRow;
    private final Form.Row partnerRow;
    private final BorderPane node = new BorderPane();
    private final String defaultName;
    private HttpSettings base = HttpSettings.DEFAULT;
    private PrometheusForm partner;
    private List<PrometheusForm> others = List.of();
    private boolean listing;
    /** The name the last picked Service gave, which the next pick may replace. */
    private String pickedName = "";

    /**
     * @param partnerChosen called when the user picks this endpoint's HA partner (null: none)
     */
    PrometheusForm(String defaultName, EndpointServices services, Runnable changed,
                   BiConsumer<PrometheusForm, PrometheusForm> partnerChosen) {
        this.defaultName = defaultName;
        name.setId("prometheus-name");
        flavor.setId("prometheus-flavor");
        scrape.setId("prometheus-scrape");
        partnerBox.setId("prometheus-ha");
        name.setText(defaultName);
        flavor.getItems().addAll(Flavor.values());
        flavor.setConverter(new StringConverter<>() {
            @Override
            public String toString(Flavor f) {
                return f == null ? "" : f.displayName();
            }

            @Override
            public Flavor fromString(String s) {
                return java.util.Arrays.stream(Flavor.values()).filter(f -> f.displayName().equals(s)).findFirst().orElse(null);
            }
        });
        flavor.setValue(Flavor.PROMETHEUS);
        scrape.setPromptText("as the server says (Thanos and Mimir do not: 30s)");
        partnerBox.setMaxWidth(Double.MAX_VALUE);

        form.section("Endpoint");
        nameRow = form.row("Name", name);
        form.row("Serves", flavor);
        target = new TargetEditor(form, "prometheus", PrometheusDiscovery.Kind.PROMETHEUS, services, changed, this::picked);
        scrapeRow = form.row("Scrape interval", scrape);
        partnerRow = form.row("HA partner", partnerBox);
        partnerRow.say(Form.Severity.INFO, Optional.of(
                "The other server of an HA pair: the graphs read it while this one fails, and the other way round."));
        auth = new AuthEditor(form, "prometheus", services, changed);
        connection = new ConnectionEditor(form, "prometheus", changed);
        check = new ConnectionCheck("prometheus", this::firstError,
                () -> services.testPrometheus().apply(probe().orElseThrow()));

        name.textProperty().addListener((o, a, b) -> changed.run());
        flavor.valueProperty().addListener((o, a, b) -> changed.run());
        scrape.textProperty().addListener((o, a, b) -> changed.run());
        partnerBox.valueProperty().addListener((o, a, chosen) -> {
            if (!listing && chosen != null) {
                partnerChosen.accept(this, others.stream().filter(f -> f.name().equals(chosen)).findFirst().orElse(null));
            }
        });

        ScrollPane scroll = new ScrollPane(form.node());
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        Form.followFocus(scroll);
        form.node().setPadding(new javafx.geometry.Insets(8, 16, 8, 8));
        node.setCenter(scroll);
        check.node().setPadding(new javafx.geometry.Insets(10, 8, 4, 8));
        node.setBottom(check.node());
    }

    void load(PrometheusEndpoint e) {
        name.setText(e.name());
        flavor.setValue(e.flavor());
        target.load(e.target());
        scrape.setText(e.scrapeInterval().map(PromDurations::format).orElse(""));
        base = e.http();
        auth.load(e.http());
        connection.load(e.http());
    }

    Node node() {
        return node;
    }

    String name() {
        return name.getText().strip();
    }

    PrometheusForm partner() {
        return partner;
    }

    /** Sets the partner without asking anyone (the dialog keeps pairs symmetric). */
    void setPartner(PrometheusForm p) {
        partner = p;
        showPartner();
    }

    /** The endpoints this one may pair with. */
    void setOthers(Collection<PrometheusForm> all) {
        others = all.stream().filter(f -> f != this).toList();
        showPartner();
    }

    private void showPartner() {
        listing = true;
        List<String> items = new ArrayList<>();
        items.add(NO_PARTNER);
        others.forEach(f -> items.add(f.name()));
        partnerBox.getItems().setAll(items);
        partnerBox.setValue(partner == null ? NO_PARTNER : partner.name());
        listing = false;
    }

    /**
     * A Service picked from the cluster: its flavor, and its name unless the user named the
     * endpoint (a name given by the dialog or by an earlier pick is replaced).
     */
    private void picked(PrometheusDiscovery.Candidate c) {
        flavor.setValue(c.flavor());
        if (name().isEmpty() || name().equals(defaultName) || name().equals(pickedName)) {
            pickedName = c.target().service();
            name.setText(pickedName);
        }
    }

    /** Says what is wrong under each field; {@code takenNames} are the other endpoints' names. */
    boolean validate(Collection<String> takenNames) {
        nameRow.say(Form.Severity.ERROR, name().isEmpty() ? Optional.of("Enter a name for this endpoint.")
                : takenNames.contains(name()) ? Optional.of("Another endpoint is named " + name() + ".")
                : Optional.empty());
        scrapeRow.say(Form.Severity.ERROR, Checks.duration(scrape.getText()));
        boolean targetOk = target.validate();
        boolean authOk = auth.validate() & connection.validate();
        return nameRow.error().isEmpty() && scrapeRow.error().isEmpty() && targetOk && authOk;
    }

    Optional<String> firstError() {
        return nameRow.error().or(target::firstError).or(scrapeRow::error).or(auth::firstError).or(connection::firstError);
    }

    /** The endpoint as typed, without its HA partner (what "Test connection" tries). */
    Optional<PrometheusEndpoint> probe() {
        Optional<EndpointTarget> t = target.target();
        Optional<HttpSettings> http = auth.settings(base).flatMap(connection::apply);
        if (name().isEmpty() || t.isEmpty() || http.isEmpty() || Checks.duration(scrape.getText()).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new PrometheusEndpoint(name(), flavor.getValue(), t.get(), http.get(), Optional.empty(),
                PromDurations.parse(scrape.getText().strip())));
    }

    /** The endpoint with its HA partner, when every field is valid. */
    Optional<PrometheusEndpoint> endpoint() {
        return probe().map(e -> partner == null ? e : e.withHaPartner(partner.name()));
    }

    /** For the list: "monitoring/prometheus-k8s:web" or the URL. */
    String describe() {
        if (!target.isInCluster()) {
            return target.url.getText().strip();
        }
        String ns = target.namespace.getText().strip();
        String svc = target.service.getText().strip();
        String port = target.port.getText().strip();
        return ns.isEmpty() && svc.isEmpty() ? "" : ns + "/" + svc + (port.isEmpty() ? "" : ":" + port);
    }
}
