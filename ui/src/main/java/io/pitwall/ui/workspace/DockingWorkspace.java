package io.pitwall.ui.workspace;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.kordamp.ikonli.javafx.FontIcon;
import software.coley.bentofx.Bento;
import software.coley.bentofx.building.DockBuilding;
import software.coley.bentofx.control.DragDropStage;
import software.coley.bentofx.dockable.Dockable;
import software.coley.bentofx.layout.DockContainer;
import software.coley.bentofx.layout.container.DockContainerBranch;
import software.coley.bentofx.layout.container.DockContainerLeaf;
import software.coley.bentofx.layout.container.DockContainerRootBranch;

/**
 * The docking workspace: every {@link PaneId} as a BentoFX dockable that can be dragged to split
 * or tab, floated into its own window and docked back. The arrangement is read and applied as a
 * {@link LayoutState}, which is how it is saved, restored and reset.
 *
 * <p>Each pane's node is made once and moves between containers; only the containers are rebuilt.
 */
public final class DockingWorkspace {

    private static final double FLOAT_WIDTH = 720;
    private static final double FLOAT_HEIGHT = 480;

    private final Bento bento = new Bento();
    private final Map<PaneId, Dockable> dockables = new EnumMap<>(PaneId.class);
    private final BorderPane host = new BorderPane();
    private DockContainerRootBranch mainRoot;
    private final javafx.collections.ObservableSet<PaneId> pinned =
            javafx.collections.FXCollections.observableSet(java.util.EnumSet.noneOf(PaneId.class));

    /** @param content the node each pane shows */
    public DockingWorkspace(Function<PaneId, javafx.scene.Node> content) {
        host.getStyleClass().add("pw-workspace");
        DockBuilding build = bento.dockBuilding();
        for (PaneId pane : PaneId.values()) {
            Dockable d = build.dockable(pane.id());
            d.setTitle(pane.title());
            d.setNode(content.apply(pane));
            d.setClosable(false);
            d.setIconFactory(x -> new FontIcon(pane.icon()));
            d.setContextMenuFactory(x -> paneMenu(pane));
            dockables.put(pane, d);
        }
        apply(LayoutState.defaults());
    }

    /** The node to put in the main window. */
    public Region node() {
        return host;
    }

    /**
     * Rebuilds the workspace as {@code state} describes it. A layout that does not place every
     * pane exactly once (saved by another version, or edited by hand) is replaced by the default.
     */
    public void apply(LayoutState state) {
        LayoutState usable = state.placesExactly(allPaneIds()) ? state : LayoutState.defaults();
        closeFloatingWindows();
        dockables.values().forEach(d -> {
            DockContainerLeaf leaf = d.getContainer();
            if (leaf != null) {
                leaf.removeDockable(d);
            }
        });
        if (mainRoot != null) {
            bento.unregisterRoot(mainRoot);
        }
        mainRoot = bento.dockBuilding().root("main");
        mainRoot.setPruneWhenEmpty(false);
        fill(mainRoot, usable.windows().getFirst().root());
        host.setCenter(mainRoot);
        List<LayoutState.Window> floating = usable.windows().subList(1, usable.windows().size());
        if (!floating.isEmpty()) {
            // floating windows need the main window's scene to copy its stylesheets and owner
            runWhenInScene(() -> floating.forEach(this::openFloating));
        }
    }

    /** The current arrangement, main window first. */
    public LayoutState capture() {
        List<LayoutState.Window> windows = new ArrayList<>();
        windows.add(new LayoutState.Window(0, 0, 0, 0, captureNode(mainRoot)));
        for (DockContainerRootBranch root : List.copyOf(bento.getRootContainers())) {
            if (root == mainRoot || root.getDockables().isEmpty()) {
                continue;
            }
            Window w = root.getScene() == null ? null : root.getScene().getWindow();
            if (w != null && w.isShowing()) {
                windows.add(new LayoutState.Window(w.getX(), w.getY(), w.getWidth(), w.getHeight(), captureNode(root)));
            }
        }
        return new LayoutState(LayoutState.VERSION, windows);
    }

    /** Back to the default arrangement, every floating window docked. */
    public void reset() {
        apply(LayoutState.defaults());
    }

    /** Brings {@code pane} to the front of its stack and gives it focus. */
    public void focus(PaneId pane) {
        Dockable d = dockables.get(pane);
        DockContainerLeaf leaf = d.getContainer();
        if (leaf != null) {
            leaf.selectDockable(d);
            Window w = windowOf(pane).orElse(null);
            if (w instanceof Stage stage) {
                stage.toFront();
            }
            d.getNode().requestFocus();
        }
    }

    /** Moves {@code pane} into a window of its own. */
    public void floatPane(PaneId pane) {
        if (isFloating(pane) || host.getScene() == null) {
            return;
        }
        Dockable d = dockables.get(pane);
        d.getContainer().removeDockable(d);
        DragDropStage stage = bento.stageBuilding().newStageForDockable(host.getScene(), d, FLOAT_WIDTH, FLOAT_HEIGHT);
        prepareFloating(stage);
        stage.show();
    }

    /** Puts a floating {@code pane} back into the main window, beside the pane it left. */
    public void dockPane(PaneId pane) {
        if (!isFloating(pane)) {
            return;
        }
        Dockable d = dockables.get(pane);
        Window floating = windowOf(pane).orElse(null);
        d.getContainer().removeDockable(d);
        homeLeaf(pane).addDockable(d);
        homeLeaf(pane).selectDockable(d);
        if (floating != null && rootOf(floating).map(r -> r.getDockables().isEmpty()).orElse(true)) {
            floating.hide();
        }
    }

    public boolean isFloating(PaneId pane) {
        return windowOf(pane).map(w -> w != host.getScene().getWindow()).orElse(false);
    }

    /** The window that shows {@code pane}, when it is in one. */
    public Optional<Window> windowOf(PaneId pane) {
        DockContainerLeaf leaf = dockables.get(pane).getContainer();
        if (leaf == null || leaf.getScene() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(leaf.getScene().getWindow());
    }

    /** The pane whose tab is in front in its stack. */
    public boolean isSelected(PaneId pane) {
        Dockable d = dockables.get(pane);
        return d.getContainer() != null && d.getContainer().getSelectedDockable() == d;
    }

    // --- building ---------------------------------------------------------------------------

    private void fill(DockContainerBranch branch, LayoutState.Node node) {
        switch (node) {
            case LayoutState.Stack stack -> branch.addContainer(leaf(stack));
            case LayoutState.Split split -> {
                branch.setOrientation(split.vertical() ? Orientation.VERTICAL : Orientation.HORIZONTAL);
                for (LayoutState.Node child : split.children()) {
                    branch.addContainer(build(child));
                }
                branch.setDividerPositions(split.dividers().stream().mapToDouble(Double::doubleValue).toArray());
            }
        }
    }

    private DockContainer build(LayoutState.Node node) {
        return switch (node) {
            case LayoutState.Stack stack -> leaf(stack);
            case LayoutState.Split split -> {
                DockContainerBranch b = bento.dockBuilding().branch();
                fill(b, split);
                yield b;
            }
        };
    }

    private DockContainerLeaf leaf(LayoutState.Stack stack) {
        DockContainerLeaf leaf = bento.dockBuilding().leaf();
        for (String id : stack.panes()) {
            PaneId.byId(id).map(dockables::get).ifPresent(leaf::addDockable);
        }
        PaneId.byId(stack.selected()).map(dockables::get)
                .filter(d -> leaf.getDockables().contains(d)).ifPresent(leaf::selectDockable);
        return leaf;
    }

    private static LayoutState.Node captureNode(DockContainer container) {
        if (container instanceof DockContainerLeaf leaf) {
            Dockable selected = leaf.getSelectedDockable();
            return new LayoutState.Stack(
                    leaf.getDockables().stream().map(Dockable::getIdentifier).toList(),
                    selected == null ? null : selected.getIdentifier());
        }
        DockContainerBranch branch = (DockContainerBranch) container;
        List<LayoutState.Node> children = branch.getChildContainers().stream()
                .filter(c -> !c.getDockables().isEmpty())
                .map(DockingWorkspace::captureNode).toList();
        if (children.size() == 1 && !(branch instanceof DockContainerRootBranch)) {
            return children.getFirst();
        }
        List<Double> dividers = new ArrayList<>();
        for (double p : branch.getDividerPositions()) {
            dividers.add(p);
        }
        return new LayoutState.Split(branch.getOrientation() == Orientation.VERTICAL,
                dividers.subList(0, Math.max(0, Math.min(dividers.size(), children.size() - 1))), children);
    }

    // --- floating windows ---------------------------------------------------------------------

    private void openFloating(LayoutState.Window spec) {
        List<Dockable> panes = new ArrayList<>();
        collectPanes(spec.root()).forEach(id -> PaneId.byId(id).map(dockables::get).ifPresent(panes::add));
        if (panes.isEmpty() || host.getScene() == null) {
            return;
        }
        // a floating window is restored as one stack of its panes
        panes.forEach(d -> {
            if (d.getContainer() != null) {
                d.getContainer().removeDockable(d);
            }
        });
        Dockable first = panes.getFirst();
        double w = spec.width() > 100 ? spec.width() : FLOAT_WIDTH;
        double h = spec.height() > 80 ? spec.height() : FLOAT_HEIGHT;
        DragDropStage stage = bento.stageBuilding().newStageForDockable(host.getScene(), first, w, h);
        DockContainerLeaf leaf = first.getContainer();
        panes.subList(1, panes.size()).forEach(leaf::addDockable);
        stage.setX(spec.x());
        stage.setY(spec.y());
        prepareFloating(stage);
        stage.show();
    }

    /** Closing a floating window docks its panes back instead of losing them. */
    private void prepareFloating(Stage stage) {
        stage.setTitle("Pitwall");
        // the floating window wears the main window's theme
        stage.getScene().getStylesheets().setAll(host.getScene().getStylesheets());
        stage.addEventFilter(WindowEvent.WINDOW_CLOSE_REQUEST, e -> {
            e.consume();
            rootOf(stage).ifPresent(root -> List.copyOf(root.getDockables()).forEach(d ->
                    PaneId.byId(d.getIdentifier()).ifPresent(this::dockPane)));
            stage.hide();
        });
    }

    private void closeFloatingWindows() {
        for (DockContainerRootBranch root : List.copyOf(bento.getRootContainers())) {
            if (root == mainRoot) {
                continue;
            }
            List.copyOf(root.getDockables()).forEach(d -> d.getContainer().removeDockable(d));
            if (root.getScene() != null && root.getScene().getWindow() != null) {
                root.getScene().getWindow().hide();
            }
            bento.unregisterRoot(root);
        }
    }

    private static List<String> collectPanes(LayoutState.Node node) {
        return new LayoutState(LayoutState.VERSION,
                List.of(new LayoutState.Window(0, 0, 0, 0, node))).paneIds();
    }

    private Optional<DockContainerRootBranch> rootOf(Window w) {
        Parent root = w.getScene() == null ? null : w.getScene().getRoot();
        return root instanceof DockContainerRootBranch r ? Optional.of(r) : Optional.empty();
    }

    /** Where a pane goes back to: the main window's stack of the default layout that holds it. */
    private DockContainerLeaf homeLeaf(PaneId pane) {
        LayoutState.Node home = findStackOf(LayoutState.defaults().windows().getFirst().root(), pane.id());
        List<String> neighbours = home instanceof LayoutState.Stack s ? s.panes() : List.of();
        for (String id : neighbours) {
            Optional<PaneId> other = PaneId.byId(id).filter(p -> p != pane && !isFloating(p));
            if (other.isPresent() && dockables.get(other.get()).getContainer() != null) {
                return dockables.get(other.get()).getContainer();
            }
        }
        // no neighbour left in the main window: the first stack there, or a new one
        Optional<DockContainerLeaf> any = firstLeaf(mainRoot);
        if (any.isPresent()) {
            return any.get();
        }
        DockContainerLeaf leaf = bento.dockBuilding().leaf();
        mainRoot.addContainer(leaf);
        return leaf;
    }

    private static LayoutState.Node findStackOf(LayoutState.Node node, String paneId) {
        return switch (node) {
            case LayoutState.Stack s -> s.panes().contains(paneId) ? s : null;
            case LayoutState.Split s -> s.children().stream().map(c -> findStackOf(c, paneId))
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        };
    }

    private static Optional<DockContainerLeaf> firstLeaf(DockContainer c) {
        if (c instanceof DockContainerLeaf leaf) {
            return Optional.of(leaf);
        }
        for (DockContainer child : ((DockContainerBranch) c).getChildContainers()) {
            Optional<DockContainerLeaf> found = firstLeaf(child);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private ContextMenu paneMenu(PaneId pane) {
        MenuItem toggle = isFloating(pane)
                ? new MenuItem("Dock back into the main window")
                : new MenuItem("Float in a new window");
        toggle.setOnAction(e -> {
            if (isFloating(pane)) {
                dockPane(pane);
            } else {
                floatPane(pane);
            }
        });
        MenuItem reset = new MenuItem("Reset layout");
        reset.setOnAction(e -> reset());
        javafx.scene.control.CheckMenuItem pin = new javafx.scene.control.CheckMenuItem("Pin: keep out of the selection's linking");
        pin.setSelected(pinned.contains(pane));
        pin.setOnAction(e -> setPinned(pane, pin.isSelected()));
        return new ContextMenu(toggle, pin, reset);
    }

    /**
     * Pins {@code pane}: it keeps what it shows when another pane selects something (its tab
     * shows a pin); unpinned, it follows the selection again.
     */
    public void setPinned(PaneId pane, boolean pin) {
        if (pin) {
            pinned.add(pane);
        } else {
            pinned.remove(pane);
        }
        Dockable d = dockables.get(pane);
        d.setTitle(pin ? pane.title() + " (pinned)" : pane.title());
        d.setIconFactory(x -> new FontIcon(pin ? org.kordamp.ikonli.materialdesign2.MaterialDesignP.PIN : pane.icon()));
    }

    /** The pinned panes (observable: the workspace's bus listens). */
    public javafx.collections.ObservableSet<PaneId> pinned() {
        return pinned;
    }

    private void runWhenInScene(Runnable action) {
        if (host.getScene() != null && host.getScene().getWindow() != null && host.getScene().getWindow().isShowing()) {
            action.run();
            return;
        }
        javafx.beans.value.ChangeListener<Boolean> once = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                if (now) {
                    obs.removeListener(this);
                    action.run();
                }
            }
        };
        host.sceneProperty().addListener((o, oldScene, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((ow, oldW, w) -> {
                    if (w != null) {
                        w.showingProperty().addListener(once);
                    }
                });
                if (scene.getWindow() != null) {
                    scene.getWindow().showingProperty().addListener(once);
                }
            }
        });
    }

    private static Set<String> allPaneIds() {
        return java.util.Arrays.stream(PaneId.values()).map(PaneId::id)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
