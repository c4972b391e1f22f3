package io.pitwall.app.cli;

import io.pitwall.app.AppDirs;
import io.pitwall.app.AppInfo;
import io.pitwall.connectors.Errors;
import io.pitwall.connectors.kube.KubeContext;
import io.pitwall.connectors.kube.Kubeconfigs;
import io.pitwall.connectors.model.ClusterState;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.prometheus.ContextEndpoints;
import io.pitwall.connectors.prometheus.EndpointSettings;
import io.pitwall.connectors.prometheus.PrometheusSources;
import io.pitwall.connectors.session.CapturePlan;
import io.pitwall.connectors.session.IncidentCapture;
import io.pitwall.connectors.session.LiveSession;
import io.pitwall.connectors.session.Session;
import io.pitwall.connectors.session.Signal;
import io.pitwall.connectors.session.SourceState;
import io.pitwall.connectors.snapshot.RedactionFile;
import io.pitwall.connectors.snapshot.RedactionPattern;
import io.pitwall.connectors.snapshot.TextRedaction;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pitwall capture --out FILE (--since D | --from T --to T) [--context C] [-n NS]...}:
 * captures an incident from a live cluster into a bundle, headless (no JavaFX), for automation:
 * an alert webhook, a CI job, a jump host. Progress on stderr, the summary on stdout; the exit
 * code says whether the capture was complete (0), partial (3), failed or cancelled (1), or the
 * arguments were wrong (2). Ctrl+C cancels and leaves no file behind.
 */
@Command(name = "capture", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, sortOptions = false,
        description = {
            "Capture an incident from a live cluster into a bundle (.pitwall), headless:",
            "the cluster's objects and changes, metric series and alerts, logs, traces",
            "and security findings of a time window, and a note. The endpoints",
            "(Prometheus, Alertmanager, Loki, Jaeger or Zipkin) are the context's, as the",
            "GUI saved them. Secrets are redacted: the built-in rules, the patterns of",
            "redaction.json in the config folder, and --redact. Progress goes to stderr,",
            "the summary to stdout."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:complete: every signal was captured",
            "1:failed or cancelled: no bundle was written (the message says why)",
            "2:bad arguments (one line says which)",
            "3:partial: the bundle was written, with problems (listed in it and in the summary)"
        })
public final class CaptureCommand implements Callable<Integer> {

    /** The signals {@code --signals} names, in capture order. */
    static final List<Signal> SIGNALS = IncidentCapture.ORDER;
    private static final long MAX_NOTE_BYTES = 1 << 20;

    @Option(names = "--context", paramLabel = "NAME",
            description = "kubeconfig context to capture from (default: the current context)")
    String context;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", split = ",",
            description = "a namespace to capture; repeat for more (default: all)")
    List<String> namespaces = new ArrayList<>();

    @Option(names = "--since", paramLabel = "DURATION",
            description = "capture the last DURATION: 15m, 1h, 2h30m, 1d (or give --from and --to)")
    String since;

    @Option(names = "--from", paramLabel = "T", description = "start of the window: RFC 3339 (2026-12-02T14:00:00Z) or now")
    String from;

    @Option(names = "--to", paramLabel = "T", description = "end of the window: RFC 3339 or now")
    String to;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the bundle to write (.pitwall)")
    Path out;

    @Option(names = "--force", description = "replace FILE if it exists")
    boolean force;

    @Option(names = "--note", paramLabel = "TEXT", description = "a note for the bundle (Markdown)")
    String note;

    @Option(names = "--note-file", paramLabel = "PATH", description = "a Markdown file to keep as the bundle's note")
    Path noteFile;

    @Option(names = "--signals", paramLabel = "LIST", split = ",",
            description = "what to capture, of cluster,metrics,logs,traces,security (default: all; alerts come with metrics)")
    List<String> signals = new ArrayList<>();

    @Option(names = "--redact", paramLabel = "NAME=REGEX",
            description = {"also redact what the Java regular expression REGEX matches (only its group named 'secret'"
                    + " when it has one), counted in the bundle as custom:NAME; repeat for more. The patterns of"
                    + " redaction.json in the config folder apply too."})
    List<String> redact = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s",
            description = "how long to wait for the cluster to answer (default: ${DEFAULT-VALUE})")
    String timeout;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Supplier<Kubeconfigs.Merged> kubeconfig;
    /** Opens the session of a context; null: a live session with the user's endpoints. */
    private final Function<KubeContext, Session> sessions;
    private final Clock clock;
    /** The user's config folder: redaction.json and endpoints.json. */
    Path configDir;
    /** Whether stderr is a terminal (progress rewrites one line) or a log (a line per signal). */
    boolean terminal = isTerminal();
    private volatile boolean cancelled;
    private volatile int exitCode = CaptureReport.FAILED;
    private ExecutorService executor;
    private io.pitwall.connectors.mapping.PromLabels labels = io.pitwall.connectors.mapping.PromLabels.DEFAULTS;

    /** The command as {@code pitwall capture} runs it: the user's kubeconfig, endpoints and clusters. */
    public CaptureCommand() {
        this(() -> Kubeconfigs.load(System.getenv(), AppDirs.currentHome()), null, Clock.systemUTC());
    }

    CaptureCommand(Supplier<Kubeconfigs.Merged> kubeconfig, Function<KubeContext, Session> sessions, Clock clock) {
        this.kubeconfig = kubeconfig;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** What the arguments ask for, checked. */
    record Plan(TimeRange window, List<String> namespaces, Set<Signal> signals, String note, Path out,
                Duration timeout, TextRedaction redaction) {
    }

    private Path configDir() {
        if (configDir == null) {
            configDir = AppDirs.forCurrentUser().config();
        }
        return configDir;
    }

    @Override
    public Integer call() {
        Plan plan = plan();
        KubeContext ctx = kubeContext();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        CaptureReport.Progress progress = new CaptureReport.Progress(err, terminal, plan.signals().size());
        Thread caller = Thread.currentThread();
        CountDownLatch done = new CountDownLatch(1);
        // Ctrl+C or a TERM: stop the capture, let it delete its unfinished file, exit with its code
        Thread hook = Thread.ofPlatform().name("pitwall-capture-cancel").unstarted(() -> {
            cancelled = true;
            caller.interrupt();
            try {
                done.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            err.flush();
            Runtime.getRuntime().halt(exitCode);
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            exitCode = capture(plan, ctx, progress, stdout, err);
            return exitCode;
        } finally {
            progress.done();
            err.flush();
            stdout.flush();
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it exits with this capture's code
            }
            if (executor != null) {
                executor.shutdownNow();
            }
        }
    }

    private int capture(Plan plan, KubeContext ctx, CaptureReport.Progress progress, PrintWriter stdout, PrintWriter err) {
        progress.status("connecting to context " + ctx.name());
        try (Session session = sessions != null ? sessions.apply(ctx) : connectLive(ctx, err)) {
            Optional<String> notReady = awaitCluster(session, plan.timeout());
            if (notReady.isPresent()) {
                progress.done();
                err.println("pitwall: " + notReady.get());
                return CaptureReport.FAILED;
            }
            ClusterState state = session.clusterState().orElseThrow();
            List<String> unknown = plan.namespaces().stream().filter(ns -> !state.namespaces().isEmpty()
                    && !state.namespaces().contains(ns)).toList();
            if (!unknown.isEmpty()) {
                progress.done();
                err.println("pitwall: warning: context " + ctx.name() + " shows no namespace " + String.join(", ", unknown));
            }
            IncidentCapture.Request d = CapturePlan.of(plan.window(), plan.namespaces(), state, plan.note(), List.of(),
                    List.of(), labels);
            Set<Signal> asked = EnumSet.copyOf(plan.signals());
            if (asked.contains(Signal.METRICS)) {
                asked.add(Signal.ALERTS);
            }
            IncidentCapture.Request request = new IncidentCapture.Request(d.window(), d.namespaces(), asked, d.note(),
                    d.metricQueries(), d.step(), d.logScopes(), d.logQueries(), d.openedTraces());
            IncidentCapture.Result result = IncidentCapture.run(session, request, plan.out(), AppInfo.load().version(),
                    clock, progress, () -> cancelled, plan.redaction());
            progress.done();
            stdout.print(CaptureReport.summary(result, ctx.name(), fileSize(result)));
            stdout.flush();
            switch (result.outcome()) {
                case FAILED -> err.println("pitwall: capture failed: " + result.failure());
                case CANCELLED -> err.println("pitwall: capture cancelled; nothing written");
                default -> {
                }
            }
            return CaptureReport.exitCode(result.outcome());
        } catch (InterruptedException e) {
            progress.done();
            err.println("pitwall: capture cancelled; nothing written");
            return CaptureReport.FAILED;
        }
    }

    /**
     * Waits until the cluster answers and its objects are read, then (within the same time) until
     * no other source is still connecting. Empty when the capture can go; else why not.
     */
    Optional<String> awaitCluster(Session session, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String name = session.info().title();
        boolean clusterReady = false;
        while (true) {
            if (cancelled || Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("cancelled");
            }
            SourceState cluster = session.state(Signal.CLUSTER);
            if (!clusterReady && cluster instanceof SourceState.Failing f) {
                return Optional.of("cannot capture from context " + name + ": " + f.reason());
            }
            clusterReady = clusterReady || (cluster instanceof SourceState.Connected || cluster instanceof SourceState.Slow)
                    && session.clusterState().isPresent();
            boolean othersSettled = session.states().values().stream().noneMatch(s -> s instanceof SourceState.Connecting);
            if (clusterReady && othersSettled) {
                return Optional.empty();
            }
            if (System.nanoTime() >= deadline) {
                return clusterReady ? Optional.empty() // the sources still connecting are problems of the bundle
                        : Optional.of("the cluster of context " + name + " did not answer within "
                                + CliTime.format(timeout) + " (" + (cluster == null ? "no cluster" : cluster.summary())
                                + "); try a longer --timeout");
            }
            Thread.sleep(50);
        }
    }

    private static long fileSize(IncidentCapture.Result result) {
        try {
            return Files.isRegularFile(result.file()) ? Files.size(result.file()) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** A live session on {@code ctx} with the endpoints the user saved for it. */
    private Session connectLive(KubeContext ctx, PrintWriter err) {
        Path file = configDir().resolve(EndpointSettings.FILE_NAME);
        ContextEndpoints endpoints;
        try {
            endpoints = EndpointSettings.read(file).of(ctx.name());
        } catch (IOException | RuntimeException e) {
            err.println("pitwall: warning: " + Errors.firstLine(e) + "; capturing without its endpoints");
            endpoints = ContextEndpoints.NONE;
        }
        // how Prometheus labels name objects, as the GUI uses them
        try {
            labels = io.pitwall.connectors.mapping.SignalMappings.read(
                    AppDirs.forCurrentUser().config().resolve("mapping.json")).prometheus();
        } catch (io.pitwall.connectors.mapping.SignalMappings.BadMapping e) {
            err.println("pitwall: warning: " + e.getMessage() + "; capturing with the default mapping");
        }
        executor = Executors.newVirtualThreadPerTaskExecutor();
        return LiveSession.connect(ctx.name(), Optional.ofNullable(ctx.cluster()), LiveSession.fromUserKubeconfig(ctx.name()),
                executor, endpoints, PrometheusSources.HEALTH_INTERVAL);
    }

    /** The context to capture from: {@code --context}, else the kubeconfig's current one. */
    KubeContext kubeContext() {
        Kubeconfigs.Merged merged = kubeconfig.get();
        String name = context;
        if (name == null) {
            name = merged.currentContext().orElseThrow(() -> bad(merged.isEmpty()
                    ? "no kubeconfig context to capture from (KUBECONFIG or ~/.kube/config)"
                    : "the kubeconfig has no current context: give --context NAME (" + known(merged) + ")"));
        }
        String n = name;
        KubeContext found = merged.context(n).orElseThrow(() -> bad("no context '" + n + "' in the kubeconfig"
                + (merged.isEmpty() ? " (KUBECONFIG or ~/.kube/config)" : " (" + known(merged) + ")")));
        if (!found.usable()) {
            throw bad("context '" + n + "' cannot be used: it " + found.problem().orElse(""));
        }
        return found;
    }

    private static String known(Kubeconfigs.Merged merged) {
        List<String> names = merged.contexts().stream().map(KubeContext::name).toList();
        return "it has " + (names.size() <= 8 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 8)) + " and " + (names.size() - 8) + " more");
    }

    /** Checks the arguments; a wrong one is a ParameterException (one line, exit code 2). */
    Plan plan() {
        TimeRange window = window();
        List<String> ns = new ArrayList<>(new LinkedHashSet<>(namespaces.stream().map(String::trim)
                .filter(s -> !s.isEmpty()).toList()));
        for (String n : ns) {
            if (!n.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
                throw bad("'" + n + "' is not a namespace name");
            }
        }
        Duration wait = CliTime.parseDuration(timeout).orElseThrow(() -> bad("--timeout: '" + timeout
                + "' is not a duration (e.g. 30s, 2m)"));
        return new Plan(window, ns, signals(), note(), out(), wait, redaction());
    }

    /**
     * The user's patterns: redaction.json's, then {@code --redact}'s. A file or pattern that is
     * wrong stops the capture (a bundle without a pattern the user relies on would leak).
     */
    private TextRedaction redaction() {
        List<RedactionPattern> patterns = new ArrayList<>();
        try {
            patterns.addAll(RedactionFile.read(configDir().resolve(RedactionFile.FILE_NAME)));
        } catch (IOException e) {
            throw bad(e.getMessage() + "; fix or remove it to capture");
        }
        for (String spec : redact) {
            RedactionPattern p;
            try {
                p = RedactionPattern.parse(spec);
            } catch (IllegalArgumentException e) {
                throw bad("--redact: " + e.getMessage());
            }
            if (patterns.stream().anyMatch(q -> q.name().equals(p.name()))) {
                throw bad("--redact: pattern " + p.name() + " is given twice (in redaction.json or --redact)");
            }
            patterns.add(p);
        }
        return TextRedaction.of(patterns);
    }

    private TimeRange window() {
        if (since != null && (from != null || to != null)) {
            throw bad("give --since or --from with --to, not both");
        }
        if (since != null) {
            Duration d = CliTime.parseDuration(since).orElseThrow(() -> bad("--since: '" + since
                    + "' is not a duration (e.g. 15m, 1h, 2h30m, 1d)"));
            return TimeRange.ending(clock.instant(), d);
        }
        if (from == null && to == null) {
            throw bad("say which time to capture: --since DURATION (e.g. 1h) or --from T --to T");
        }
        if (from == null || to == null) {
            throw bad(from == null ? "--to needs --from" : "--from needs --to");
        }
        Instant start = instant("--from", from);
        Instant end = instant("--to", to);
        if (!start.isBefore(end)) {
            throw bad("--from (" + start + ") must be before --to (" + end + ")");
        }
        return new TimeRange(start, end);
    }

    private Instant instant(String option, String text) {
        return CliTime.parseInstant(text, clock).orElseThrow(() -> bad(option + ": '" + text
                + "' is not an RFC 3339 time (e.g. 2026-12-02T14:00:00Z) or now"));
    }

    private Set<Signal> signals() {
        List<String> names = signals.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
        if (names.isEmpty()) {
            return EnumSet.copyOf(SIGNALS);
        }
        Set<Signal> chosen = EnumSet.noneOf(Signal.class);
        for (String n : names) {
            chosen.add(SIGNALS.stream().filter(s -> CaptureReport.name(s).equals(n)).findFirst().orElseThrow(() ->
                    bad("unknown signal '" + n + "' in --signals: use " + SIGNALS.stream().map(CaptureReport::name)
                            .collect(Collectors.joining(", ")) + (n.equals("alerts") ? " (alerts come with metrics)" : ""))));
        }
        return chosen;
    }

    private String note() {
        if (note != null && noteFile != null) {
            throw bad("give --note or --note-file, not both");
        }
        if (noteFile == null) {
            return note == null ? "" : note;
        }
        try {
            if (!Files.isRegularFile(noteFile)) {
                throw bad("no such --note-file: " + noteFile);
            }
            if (Files.size(noteFile) > MAX_NOTE_BYTES) {
                throw bad("--note-file " + noteFile + " is larger than 1 MB");
            }
            return Files.readString(noteFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw bad("cannot read --note-file " + noteFile + ": " + Errors.firstLine(e));
        }
    }

    private Path out() {
        Path target = out.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw bad("--out is a folder, not a file: " + out);
        }
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            throw bad("the folder of --out does not exist: " + target.getParent());
        }
        if (Files.exists(target) && !force) {
            throw bad(out + " exists: use --force to replace it");
        }
        return target;
    }

    /** Asks picocli's handler for one line and exit code 2. */
    private CommandLine.ParameterException bad(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** Cancels the capture, as Ctrl+C does: it stops between signals (or at once, while connecting). */
    void cancel() {
        cancelled = true;
    }

    private static boolean isTerminal() {
        java.io.Console console = System.console();
        return console != null && console.isTerminal();
    }
}
