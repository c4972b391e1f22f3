package io.pitwall.ui.security;

import io.pitwall.connectors.model.FindingSource;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.SecurityFinding;
import io.pitwall.connectors.model.Severity;
import io.pitwall.connectors.security.SecurityFilter;
import io.pitwall.ui.security.SecurityViewModel.Grouping;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Security pane: every Falco event, posture finding, scanner and policy report result in one
 * list, most severe and newest first. Counts per severity at the top are also its filter chips;
 * then the sources, the namespace, the rule, a search field and the grouping (none, by rule, by
 * object). The chosen finding is shown in full on the right ({@link SecurityDetails}).
 */
public final class SecurityView extends VBox {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final String ALL_NAMESPACES = "All namespaces";
    private static final String ALL_RULES = "All rules";

    /** A line of the list: a group's header, or one finding. */
    sealed interface Row {
    }

    /** A group: its key (a rule id or an object), what the header says, how many, the worst of them. */
    record GroupRow(String key, String label, int count, Severity worst) implements Row {
    }

    record FindingRow(SecurityFinding finding) implements Row {
    }

    private final SecurityViewModel model;
    private final Map<Severity, ToggleButton> severityChips = new EnumMap<>(Severity.class);
    private final Map<FindingSource, ToggleButton> sourceChips = new EnumMap<>(FindingSource.class);
    private final HBox sourceBar = new HBox(4);
    private final ComboBox<String> namespaces = new ComboBox<>();
    private final ComboBox<String> rules = new ComboBox<>();
    private final TextField search = new TextField();
    private final ChoiceBox<Grouping> grouping = new ChoiceBox<>(FXCollections.observableArrayList(Grouping.values()));
    private final Label count = new Label();
    private final ToggleButton overlay = new ToggleButton("Overlay on topology");
    /** The workspace's selection narrows the list to its objects; the chip's cross lets it go. */
    private final javafx.scene.control.Button focusChip = new javafx.scene.control.Button();
    private Set<KubeRef> focus = Set.of();
    private Runnable onFocusCleared = () -> { };
    private Consumer<Set<KubeRef>> onOverlay = refs -> { };
    private final Label status = new Label();
    private final TreeTableView<Row> table = new TreeTableView<>();
    private final SecurityDetails details = new SecurityDetails();
    private boolean updatingChoices;

    public SecurityView(SecurityViewModel model) {
        this.model = model;
        setId("security-view");
        setSpacing(6);
        setStyle("-fx-padding: 6;");
        HBox severities = new HBox(4);
        for (Severity s : Severity.values()) {
            ToggleButton chip = new ToggleButton();
            chip.setId("security-chip-" + s.label());
            chip.getStyleClass().addAll("pw-chip", "pw-sev-" + s.label());
            chip.selectedProperty().addListener((o, a, b) -> pushFilter());
            severityChips.put(s, chip);
            severities.getChildren().add(chip);
        }
        namespaces.setId("security-namespace");
        rules.setId("security-rule");
        rules.setPrefWidth(220);
        search.setId("security-search");
        search.setPromptText("Search rule, message, object");
        grouping.setId("security-grouping");
        grouping.setValue(Grouping.NONE);
        grouping.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Grouping g) {
                return g == null ? "" : switch (g) {
                    case NONE -> "No grouping";
                    case RULE -> "Group by rule";
                    case OBJECT -> "Group by object";
                };
            }

            @Override
            public Grouping fromString(String s) {
                return Grouping.NONE;
            }
        });
        namespaces.valueProperty().addListener((o, a, b) -> pushFilter());
        rules.valueProperty().addListener((o, a, b) -> pushFilter());
        search.textProperty().addListener((o, a, b) -> pushFilter());
        grouping.valueProperty().addListener((o, a, b) -> {
            model.groupingProperty().set(b == null ? Grouping.NONE : b);
            fill(model.shownProperty().get());
        });
        count.setId("security-count");
        status.setId("security-status");
        status.getStyleClass().add("pw-muted");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        status.visibleProperty().bind(status.managedProperty());
        // bars that wrap in a narrow dock instead of cutting the chips short
        search.setPrefColumnCount(18);
        focusChip.setId("security-focus");
        focusChip.getStyleClass().addAll("small", "rounded");
        focusChip.setTooltip(new javafx.scene.control.Tooltip("Show the findings of every object again"));
        focusChip.setOnAction(e -> onFocusCleared.run());
        setFocus(null, Set.of());
        javafx.scene.layout.FlowPane filters = new javafx.scene.layout.FlowPane(6, 6, focusChip, sourceBar, namespaces, rules,
                search, grouping);
        overlay.setId("security-overlay");
        overlay.setTooltip(new javafx.scene.control.Tooltip("Dim everything on the topology without a finding shown here"));
        overlay.selectedProperty().addListener((o, a, on) -> pushOverlay());
        javafx.scene.layout.FlowPane top = new javafx.scene.layout.FlowPane(8, 6, severities, count, overlay);
        top.setStyle("-fx-alignment: center-left;");
        buildTable();
        details.setMinWidth(260);
        SplitPane split = new SplitPane(table, details);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.66);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(top, filters, status, split);
        model.shownProperty().addListener((o, was, now) -> {
            updateChoices();
            fill(now);
            pushOverlay();
        });
        updateChoices();
        fill(model.shownProperty().get());
    }

    /** Where "Show in topology" goes: the finding's object. */
    public void setOnShowInTopology(Consumer<KubeRef> action) {
        details.onTopology = action;
    }

    /** Where "Logs around this time" goes: the object and the event's time. */
    public void setOnShowLogs(BiConsumer<KubeRef, Instant> action) {
        details.onLogs = action;
    }

    /**
     * Where the overlay goes: the objects of the findings shown (the filter's) while "Overlay on
     * topology" is on, null when it goes off.
     */
    public void setOnOverlay(Consumer<Set<KubeRef>> action) {
        onOverlay = action;
    }

    public ToggleButton overlayToggle() {
        return overlay;
    }

    private void pushOverlay() {
        if (!overlay.isSelected()) {
            onOverlay.accept(null);
            return;
        }
        Set<KubeRef> refs = new java.util.HashSet<>();
        model.shownProperty().get().findings().forEach(f -> {
            if (f.object() != null) {
                refs.add(f.object());
            }
        });
        onOverlay.accept(refs);
    }

    /** Where "Metrics" goes: the finding's object. */
    public void setOnShowMetrics(Consumer<KubeRef> action) {
        details.onMetrics = action;
    }

    public SecurityViewModel model() {
        return model;
    }

    public TreeTableView<Row> table() {
        return table;
    }

    /** The findings listed, in order (inside their groups when grouped). */
    public List<SecurityFinding> listed() {
        List<SecurityFinding> out = new ArrayList<>();
        for (TreeItem<Row> item : table.getRoot().getChildren()) {
            if (item.getValue() instanceof FindingRow f) {
                out.add(f.finding());
            }
            for (TreeItem<Row> child : item.getChildren()) {
                if (child.getValue() instanceof FindingRow f) {
                    out.add(f.finding());
                }
            }
        }
        return out;
    }

    public ToggleButton severityChip(Severity s) {
        return severityChips.get(s);
    }

    public ToggleButton sourceChip(FindingSource s) {
        return sourceChips.get(s);
    }

    public TextField searchField() {
        return search;
    }

    public ComboBox<String> namespaceChoice() {
        return namespaces;
    }

    public ComboBox<String> ruleChoice() {
        return rules;
    }

    public ChoiceBox<Grouping> groupingChoice() {
        return grouping;
    }

    SecurityDetails details() {
        return details;
    }

    static String sourceName(FindingSource s) {
        return switch (s) {
            case FALCO -> "Falco";
            case POSTURE -> "Posture check";
            case TRIVY -> "Trivy";
            case POLICY_REPORT -> "Policy report";
            case GATEKEEPER -> "Gatekeeper";
            case KUBE_EVENT -> "Kubernetes event";
        };
    }

    private void pushFilter() {
        if (updatingChoices) {
            return;
        }
        Set<Severity> sev = EnumSet.noneOf(Severity.class);
        severityChips.forEach((s, chip) -> {
            if (chip.isSelected()) {
                sev.add(s);
            }
        });
        Set<FindingSource> src = EnumSet.noneOf(FindingSource.class);
        sourceChips.forEach((s, chip) -> {
            if (chip.isSelected()) {
                src.add(s);
            }
        });
        String ns = namespaces.getValue() == null || ALL_NAMESPACES.equals(namespaces.getValue()) ? "" : namespaces.getValue();
        String rule = rules.getValue() == null || ALL_RULES.equals(rules.getValue()) ? "" : rules.getValue();
        model.filterProperty().set(new SecurityFilter(sev, src, rule, ns, search.getText(), focus));
    }

    /**
     * Narrows the list to findings about {@code objects} (the selection and what it covers),
     * named {@code label} on a chip; a null label shows every object's findings again.
     */
    public void setFocus(String label, Set<KubeRef> objects) {
        focus = label == null ? Set.of() : Set.copyOf(objects);
        focusChip.setText(label == null ? "" : label + "  \u2715");
        focusChip.setVisible(label != null);
        focusChip.setManaged(label != null);
        pushFilter();
    }

    /** The focus chip's cross: the app clears the workspace's selection. */
    public void setOnFocusCleared(Runnable action) {
        onFocusCleared = action == null ? () -> { } : action;
    }

    public javafx.scene.control.Button focusChip() {
        return focusChip;
    }

    /** Chips, namespaces and rules from all findings; the user's choices kept where they still exist. */
    private void updateChoices() {
        updatingChoices = true;
        try {
            SecurityViewModel.Shown shown = model.shownProperty().get();
            shown.counts().forEach((s, n) -> severityChips.get(s).setText(label(s) + " " + n));
            List<SecurityFinding> all = model.all();
            Set<FindingSource> present = SecurityViewModel.sources(all);
            for (FindingSource s : present) {
                sourceChips.computeIfAbsent(s, k -> {
                    ToggleButton chip = new ToggleButton(sourceName(k));
                    chip.setId("security-source-" + k.name().toLowerCase(Locale.ROOT));
                    chip.getStyleClass().add("pw-chip");
                    chip.selectedProperty().addListener((o, a, b) -> pushFilter());
                    return chip;
                });
            }
            sourceBar.getChildren().setAll(present.stream().map(sourceChips::get).toList());
            Set<String> ns = new TreeSet<>();
            Set<String> rs = new TreeSet<>();
            all.forEach(f -> {
                if (!f.namespace().isEmpty()) {
                    ns.add(f.namespace());
                }
                if (!f.rule().isEmpty()) {
                    rs.add(f.rule());
                }
            });
            keep(namespaces, ALL_NAMESPACES, ns);
            keep(rules, ALL_RULES, rs);
        } finally {
            updatingChoices = false;
        }
    }

    private static void keep(ComboBox<String> box, String all, Set<String> values) {
        String chosen = box.getValue();
        List<String> items = new ArrayList<>();
        items.add(all);
        items.addAll(values);
        if (!box.getItems().equals(items)) {
            box.getItems().setAll(items);
        }
        box.setValue(chosen != null && items.contains(chosen) ? chosen : all);
    }

    private static String label(Severity s) {
        String l = s.label();
        return Character.toUpperCase(l.charAt(0)) + l.substring(1);
    }

    private void fill(SecurityViewModel.Shown shown) {
        SecurityFinding chosen = details.shown();
        TreeItem<Row> root = new TreeItem<>();
        Grouping g = grouping.getValue() == null ? Grouping.NONE : grouping.getValue();
        if (g == Grouping.NONE) {
            List<TreeItem<Row>> items = new ArrayList<>(shown.findings().size());
            shown.findings().forEach(f -> items.add(new TreeItem<>(new FindingRow(f))));
            root.getChildren().setAll(items);
        } else {
            List<SecurityFilter.Group> groups = g == Grouping.RULE ? SecurityFilter.byRule(shown.findings())
                    : SecurityFilter.byObject(shown.findings());
            for (SecurityFilter.Group grp : groups) {
                SecurityFinding first = grp.findings().getFirst();
                String label = g == Grouping.RULE && !first.title().equals(first.rule()) && !first.rule().isEmpty()
                        ? first.title() + "  (" + first.rule() + ")" : grp.key();
                TreeItem<Row> group = new TreeItem<>(new GroupRow(grp.key(), label, grp.size(), grp.worst()));
                List<TreeItem<Row>> items = new ArrayList<>(grp.size());
                grp.findings().forEach(f -> items.add(new TreeItem<>(new FindingRow(f))));
                group.getChildren().setAll(items);
                group.setExpanded(groups.size() <= 20);
                root.getChildren().add(group);
            }
        }
        table.setRoot(root);
        count.setText(String.format(Locale.ROOT, "%,d shown of %,d", shown.findings().size(), shown.total()));
        table.setPlaceholder(new Label(shown.total() == 0 ? "No security events or findings." : "Nothing matches the filter."));
        // the chosen finding stays chosen; else the most severe and newest is shown in full at once
        boolean selected = chosen != null && shown.findings().contains(chosen) && reselect(chosen);
        if (!selected && (shown.findings().isEmpty() || !reselect(shown.findings().getFirst()))) {
            table.getSelectionModel().clearSelection();
            details.show(null);
        }
    }

    private boolean reselect(SecurityFinding f) {
        for (int i = 0; i < table.getExpandedItemCount(); i++) {
            TreeItem<Row> item = table.getTreeItem(i);
            if (item != null && item.getValue() instanceof FindingRow r && r.finding().equals(f)) {
                table.getSelectionModel().select(i);
                return true;
            }
        }
        return false;
    }

    private void buildTable() {
        table.setId("security-table");
        table.setShowRoot(false);
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                column("Severity", r -> r instanceof GroupRow g ? label(g.worst()) + " (" + g.count() + ")"
                        : label(((FindingRow) r).finding().severity()), 110),
                column("Time", r -> r instanceof FindingRow f && f.finding().time() != null ? TIME.format(f.finding().time()) : "", 120),
                column("Source", r -> r instanceof FindingRow f ? sourceName(f.finding().source()) : "", 110),
                column("Namespace", r -> r instanceof FindingRow f ? f.finding().namespace() : "", 110),
                column("Object", r -> r instanceof FindingRow f && f.finding().object() != null
                        ? f.finding().object().kind() + " " + f.finding().object().name() : r instanceof GroupRow g ? g.label() : "", 200),
                column("Rule", r -> r instanceof FindingRow f ? f.finding().title() : "", 260),
                column("Message", r -> r instanceof FindingRow f ? f.finding().message() : "", 300)));
        table.setRowFactory(t -> new TreeTableRow<>() {
            @Override
            protected void updateItem(Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("pw-critical", "pw-warn", "pw-group-row");
                if (empty || row == null) {
                    return;
                }
                Severity s = row instanceof GroupRow g ? g.worst() : ((FindingRow) row).finding().severity();
                if (s == Severity.CRITICAL || s == Severity.HIGH) {
                    getStyleClass().add("pw-critical");
                } else if (s == Severity.MEDIUM) {
                    getStyleClass().add("pw-warn");
                }
                if (row instanceof GroupRow) {
                    getStyleClass().add("pw-group-row");
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, item) ->
                details.show(item != null && item.getValue() instanceof FindingRow f ? f.finding() : null));
    }

    private static TreeTableColumn<Row, String> column(String title, Function<Row, String> value, double width) {
        TreeTableColumn<Row, String> c = new TreeTableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue().getValue() == null ? ""
                : value.apply(cd.getValue().getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
