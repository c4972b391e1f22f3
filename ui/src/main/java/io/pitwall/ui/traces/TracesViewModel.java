package io.pitwall.ui.traces;

import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.Span;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.model.Trace;
import io.pitwall.connectors.model.TraceSummary;
import io.pitwall.connectors.session.Signal;
import io.pitwall.connectors.traces.TraceQuery;
import io.pitwall.connectors.traces.TraceQueryException;
import io.pitwall.connectors.traces.TracesSource;
import io.pitwall.ui.event.WorkspaceEvent;
import io.pitwall.ui.workspace.PaneId;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Traces pane's state: the source's services and operations for the search bar, a search's
 * results (failed and slowest first), and the one trace open in the waterfall, loaded and laid out
 * off the FX thread (a big one can be cancelled). Follows the workspace: a selected Service,
 * workload or pod pre-fills the service; a {@link WorkspaceEvent.TraceRequested} opens that trace.
 * Failures are one line of words (the source's {@link TraceQueryException} message). Properties
 * change on the FX thread only.
 */
public final class TracesViewModel {

    /** What the results area shows. */
    public enum Phase { NO_SOURCE, READY, SEARCHING, RESULTS, NO_RESULTS, FAILED }

    /** Failed first, then the slowest. */
    public static final Comparator<TraceSummary> FAILED_THEN_SLOWEST = Comparator
            .comparing((TraceSummary s) -> s.errorCount() == 0)
            .thenComparing(Comparator.comparingLong(TraceSummary::durationNanos).reversed());

    private final Optional<TracesSource> source;
    private final Executor background;
    private final Executor fx;
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ObservableList<String> services = FXCollections.observableArrayList();
    private final ObservableList<String> operations = FXCollections.observableArrayList();
    private final ObservableList<TraceSummary> results = FXCollections.observableArrayList();
    private final StringProperty service = new SimpleStringProperty(this, "service", "");
    private final ReadOnlyObjectWrapper<WaterfallData> trace = new ReadOnlyObjectWrapper<>(this, "trace");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper loadingText = new ReadOnlyStringWrapper(this, "loadingText", "");
    private TimeRange range;
    private KubeRef selection;
    private long searches;
    private long loads;
    private CompletableFuture<?> load;
    private Consumer<WorkspaceEvent> publish = e -> { };

    /**
     * @param source     the session's traces, if it has any (none: the pane says what to connect)
     * @param background where traces are laid out (virtual threads in the app)
     * @param fx         the FX thread ({@code Platform::runLater}; same-thread in tests)
     */
    public TracesViewModel(Optional<TracesSource> source, Executor background, Executor fx) {
        this.source = Objects.requireNonNull(source, "source");
        this.background = Objects.requireNonNull(background, "background");
        this.fx = Objects.requireNonNull(fx, "fx");
        phase.set(source.isPresent() ? Phase.READY : Phase.NO_SOURCE);
        service.addListener((o, a, b) -> loadOperations());
    }

    // --- inputs from the app ----------------------------------------------------------------------

    /** The shared time range: the services are asked for again. */
    public void setRange(TimeRange next) {
        range = next;
        loadServices();
    }

    /** Where the pane's events go (the workspace bus's publish). */
    public void setPublisher(Consumer<WorkspaceEvent> action) {
        publish = action == null ? e -> { } : action;
    }

    /** Hears the workspace: a selection pre-fills the service, a trace request opens the trace. */
    public void accept(WorkspaceEvent event) {
        switch (event) {
            case WorkspaceEvent.Selected s -> {
                selection = s.ref();
                prefill();
            }
            case WorkspaceEvent.SelectionCleared c -> selection = null;
            case WorkspaceEvent.TraceRequested t -> open(t.traceId());
            case WorkspaceEvent.LogsRequested l -> { }
        }
    }

    public boolean hasSource() {
        return source.isPresent();
    }

    /** "Jaeger (v1 API)"..., or "" without a source. */
    public String sourceName() {
        return source.map(TracesSource::describe).orElse("");
    }

    /** What the user connects to get traces, for the empty state. */
    public static String whatToConnect() {
        return Signal.TRACES.whatToConnect();
    }

    public Optional<TimeRange> range() {
        return Optional.ofNullable(range);
    }

    // --- services and operations -------------------------------------------------------------------

    private void loadServices() {
        if (source.isEmpty() || range == null) {
            return;
        }
        TimeRange r = range;
        ask(() -> source.get().services(r), list -> {
            services.setAll(list);
            prefill();
        });
    }

    private void loadOperations() {
        String s = service.get();
        if (source.isEmpty() || range == null || s == null || s.isBlank()) {
            operations.clear();
            return;
        }
        TimeRange r = range;
        ask(() -> source.get().operations(s, r), list -> {
            if (s.equals(service.get())) {
                operations.setAll(list);
            }
        });
    }

    /** The selection's service fills the search and is searched (the bar's other inputs left as they are). */
    private void prefill() {
        if (selection == null) {
            return;
        }
        Optional<String> s = SpanTargets.serviceFor(selection, services);
        if (s.isPresent() && (!s.get().equals(service.get()) || phase.get() == Phase.READY)) {
            service.set(s.get());
            if (range != null) {
                search(TraceQuery.of(s.get(), range, SELECTION_LIMIT));
            }
        }
    }

    /** How many traces a selection's search asks for (the search bar's default). */
    static final int SELECTION_LIMIT = 20;

    /** Asks the source off the FX thread; the answer (or the failure's words) comes back on it. */
    private <T> void ask(java.util.function.Supplier<CompletableFuture<T>> call, Consumer<T> then) {
        CompletableFuture.supplyAsync(call, background).thenCompose(f -> f).whenComplete((v, e) -> fx.execute(() -> {
            if (e != null) {
                message.set(words(e));
            } else {
                then.accept(v);
            }
        }));
    }

    // --- search ---------------------------------------------------------------------------------------

    /** Searches (a newer search wins over one still running). */
    public void search(TraceQuery query) {
        long mine = ++searches;
        if (source.isEmpty()) {
            return;
        }
        phase.set(Phase.SEARCHING);
        message.set("");
        CompletableFuture.supplyAsync(() -> source.get().search(query), background).thenCompose(f -> f)
                .whenComplete((list, e) -> fx.execute(() -> {
                    if (mine != searches) {
                        return;
                    }
                    if (e != null) {
                        results.clear();
                        phase.set(Phase.FAILED);
                        message.set(words(e));
                        return;
                    }
                    results.setAll(list.stream().sorted(FAILED_THEN_SLOWEST).toList());
                    phase.set(list.isEmpty() ? Phase.NO_RESULTS : Phase.RESULTS);
                }));
    }

    /** A search of the bar's inputs over the shared range ({@code tags} and durations already read). */
    public TraceQuery query(String operation, java.util.Map<String, String> tags, Optional<Duration> min,
                            Optional<Duration> max, int limit) {
        TimeRange r = range != null ? range : TimeRange.ending(Instant.now(), Duration.ofHours(1));
        return new TraceQuery(service.get(), operation, tags, min, max, limit, r);
    }

    // --- the open trace -------------------------------------------------------------------------

    /** Loads the trace {@code traceId} from the source and lays it out off the FX thread. */
    public void open(String traceId) {
        if (source.isEmpty()) {
            message.set("No traces source to open trace " + traceId + " from: connect " + whatToConnect() + ".");
            return;
        }
        startLoad("Loading trace " + shortId(traceId) + "…",
                CompletableFuture.supplyAsync(() -> source.get().trace(traceId), background).thenCompose(f -> f));
    }

    /** Shows a trace already read (a file, a bundle with one trace), laid out off the FX thread. */
    public void open(Trace t) {
        startLoad("Laying out " + String.format("%,d", t.spanCount()) + " spans…", CompletableFuture.completedFuture(t));
    }

    private void startLoad(String text, CompletableFuture<Trace> fetch) {
        cancelLoad();
        long mine = ++loads;
        loading.set(true);
        loadingText.set(text);
        CompletableFuture<WaterfallData> laid = fetch.thenApplyAsync(WaterfallData::of, background);
        load = laid;
        laid.whenComplete((data, e) -> fx.execute(() -> {
            if (mine != loads) {
                return;
            }
            loading.set(false);
            loadingText.set("");
            if (e != null) {
                message.set(words(e));
            } else {
                message.set("");
                trace.set(data);
            }
        }));
    }

    /** Stops loading (the trace shown stays). */
    public void cancelLoad() {
        loads++;
        if (load != null) {
            load.cancel(true);
            load = null;
        }
        if (loading.get()) {
            loading.set(false);
            loadingText.set("");
            message.set("Loading cancelled.");
        }
    }

    // --- what the details panel asks for ---------------------------------------------------------

    /** "Logs for this trace": the Logs pane filters on its id, a minute either side of the trace. */
    public void logsFor(Span span) {
        WaterfallData d = trace.get();
        long from = d != null ? d.trace().startNanos() : span.startNanos();
        long to = d != null ? d.trace().endNanos() : span.endNanos();
        TimeRange around = new TimeRange(Instant.ofEpochSecond(0, from).minusSeconds(60),
                Instant.ofEpochSecond(0, to).plusSeconds(60));
        publish.accept(new WorkspaceEvent.LogsRequested(PaneId.TRACES, span.traceId(), around));
    }

    /** "Show in topology": selects the pod or service for the other panes. */
    public void showInTopology(KubeRef ref) {
        publish.accept(new WorkspaceEvent.Selected(PaneId.TRACES, ref));
    }

    // --- state -------------------------------------------------------------------------------------

    static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    /** A failure in one line: the source's message, or the exception's. */
    static String words(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof java.util.concurrent.ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof TraceQueryException q) {
            return q.getMessage();
        }
        String m = e.getMessage();
        return "The traces could not be read: " + (m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m));
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** What went wrong, in one line ("" when nothing did). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The service searched for; a selection pre-fills it. */
    public StringProperty serviceProperty() {
        return service;
    }

    public ObservableList<String> services() {
        return services;
    }

    public ObservableList<String> operations() {
        return operations;
    }

    /** The last search's traces, failed then slowest first. */
    public ObservableList<TraceSummary> results() {
        return results;
    }

    /** The trace open in the waterfall, laid out, or null. */
    public ReadOnlyObjectProperty<WaterfallData> traceProperty() {
        return trace.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** What is loading ("Loading trace 4bf92f3577b3…"), "" when nothing is. */
    public ReadOnlyStringProperty loadingTextProperty() {
        return loadingText.getReadOnlyProperty();
    }

    Executor background() {
        return background;
    }

    Executor fx() {
        return fx;
    }

    /** Says {@code text} in the pane's message line (a bad input in the search bar). */
    void say(String text) {
        message.set(text == null ? "" : text);
    }
}
