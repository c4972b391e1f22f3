package io.pitwall.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Fuzzes the offline open path with hostile bundles ({@link FuzzMutator}), each opened and read
 * in full ({@link OfflineLoad}) within a time limit ({@code --timeout-ms}, 10 s, and as much again
 * per GiB the input inflates to), and prints the figures: inputs, inputs/s,
 * how many opened, were refused cleanly or crashed, the kinds of crash with a reproducer seed.
 *
 * <pre>
 * BundleFuzz [--count N] [--seed S] [--threads T] [--timeout-ms M] [--max-seconds S] [--save DIR] [--from I]
 * BundleFuzz --replay SEED [--save DIR]     one input again, with its mutations and stack trace
 * </pre>
 * {@code --from I} starts at input I of the run (to go on with a run that was stopped: the same
 * seed makes the same inputs). Stopped early (Ctrl+C), it prints the figures so far.
 * Exit code 1 when anything crashed.
 */
public final class BundleFuzz {

    record Options(long count, long seed, int threads, long timeoutMs, long maxSeconds, Long replay, Path save, long from) {
    }

    /** The first input of a crash kind, and how often the kind came. */
    record Crash(String kind, long seed, String seedName, List<String> mutations, String detail, LongAdder count,
                 List<Long> more) {
    }

    private final Options options;
    private final FuzzMutator mutator;
    private final Path work;
    private final Path canary;
    private final ExecutorService shared = Executors.newVirtualThreadPerTaskExecutor();
    private final LongAdder done = new LongAdder();
    private final LongAdder opened = new LongAdder();
    private final LongAdder partial = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder crashed = new LongAdder();
    private final Map<String, LongAdder> refusals = new ConcurrentHashMap<>();
    private final Map<String, Crash> crashes = new ConcurrentHashMap<>();
    private final AtomicLong next = new AtomicLong();
    private volatile boolean finished;
    private final AtomicInteger files = new AtomicInteger();
    private final AtomicInteger abandoned = new AtomicInteger();
    private final LongAdder makeNanos = new LongAdder();
    private final List<OfflineLoad> loads = new java.util.concurrent.CopyOnWriteArrayList<>();

    private BundleFuzz(Options options) throws IOException {
        this.options = options;
        this.work = Files.createTempDirectory("bundlefuzz");
        this.canary = work.resolve("canary-only-code-from-a-bundle-would-write");
        this.mutator = new FuzzMutator(FuzzSeeds.all(work), new BombCache(), canary.toString());
    }

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        BundleFuzz fuzz = new BundleFuzz(o);
        int code = o.replay() != null ? fuzz.replay(o.replay()) : fuzz.run();
        System.exit(code);
    }

    static Options parse(String[] args) {
        long count = 10_000;
        long seed = 1;
        int threads = 1;
        long timeout = 10_000;
        long max = 0;
        Long replay = null;
        Path save = null;
        long from = 0;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("BundleFuzz")) {
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("BundleFuzz: " + a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--count" -> count = Long.parseLong(v.replace("_", ""));
                case "--seed" -> seed = Long.parseLong(v);
                case "--threads" -> threads = Integer.parseInt(v);
                case "--timeout-ms" -> timeout = Long.parseLong(v);
                case "--max-seconds" -> max = Long.parseLong(v);
                case "--replay" -> replay = Long.parseLong(v);
                case "--save" -> save = Path.of(v);
                case "--from" -> from = Long.parseLong(v.replace("_", ""));
                default -> throw new IllegalArgumentException("BundleFuzz: unknown option " + a
                        + " (--count --seed --threads --timeout-ms --max-seconds --replay --save --from)");
            }
        }
        return new Options(count, seed, Math.max(1, threads), timeout, max, replay, save, from);
    }

    /** The seed of input {@code i} of a run: SplitMix64 of the run's seed and the index. */
    static long inputSeed(long runSeed, long i) {
        long z = runSeed * 0x9E3779B97F4A7C15L + (i + 1) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private int run() throws Exception {
        long start = System.nanoTime();
        long deadline = options.maxSeconds() > 0 ? start + TimeUnit.SECONDS.toNanos(options.maxSeconds()) : Long.MAX_VALUE;
        System.out.printf(Locale.ROOT, "BundleFuzz: %,d inputs, seed %d, %d threads, %d ms per input, max heap %d MiB%n",
                options.count(), options.seed(), options.threads(), options.timeoutMs(), Runtime.getRuntime().maxMemory() >> 20);
        next.set(options.from());
        Thread early = new Thread(() -> {
            if (!finished) {
                System.out.println("BundleFuzz: stopped at input " + next.get() + " (--from " + next.get() + " goes on)");
                summary(start);
            }
        });
        Runtime.getRuntime().addShutdownHook(early);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < options.threads(); t++) {
            Thread w = Thread.ofPlatform().name("fuzz-" + t).start(() -> work(deadline));
            workers.add(w);
        }
        long lastReport = System.nanoTime();
        while (workers.stream().anyMatch(Thread::isAlive)) {
            workers.getFirst().join(1000);
            if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(30)) {
                lastReport = System.nanoTime();
                progress(start);
            }
        }
        for (Thread w : workers) {
            w.join();
        }
        if (Files.exists(canary)) {
            crashes.put("CODE EXECUTION: the canary file was written", new Crash("canary", -1, "", List.of(), canary.toString(),
                    new LongAdder(), List.of()));
            crashed.increment();
        }
        finished = true;
        summary(start);
        delete(work);
        return crashed.sum() == 0 ? 0 : 1;
    }

    private void work(long deadline) {
        java.util.concurrent.atomic.AtomicReference<Thread> runnerThread = new java.util.concurrent.atomic.AtomicReference<>();
        ExecutorService runner = runner(runnerThread);
        OfflineLoad load = new OfflineLoad(shared, options.timeoutMs());
        loads.add(load);
        long i;
        while ((i = next.getAndIncrement()) < options.from() + options.count() && System.nanoTime() < deadline) {
            long seed = inputSeed(options.seed(), i);
            FuzzMutator.Made made;
            try {
                // made outside the time limit: a bomb is deflated once, the first time it is used
                long t0 = System.nanoTime();
                made = mutator.make(seed);
                makeNanos.add(System.nanoTime() - t0);
            } catch (Throwable t) {
                record(seed, new Run(OfflineLoad.Result.crash("fuzzer could not make the input: " + Verdict.kind(t),
                        String.valueOf(t), t), null));
                continue;
            }
            Future<Run> f = runner.submit(() -> one(made, load));
            Run r;
            long limit = allowedMs(made) * 2 + 5000;
            try {
                r = f.get(limit, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                Thread stuck = runnerThread.get();
                String where = stuck == null ? "" : " in " + java.util.Arrays.stream(stuck.getStackTrace()).limit(12)
                        .map(StackTraceElement::toString).collect(java.util.stream.Collectors.joining(" < "));
                f.cancel(true);
                runner.shutdownNow();
                runner = runner(runnerThread);
                if (abandoned.incrementAndGet() > 8) {
                    System.out.println("BundleFuzz: more than 8 inputs never finished; stopping");
                    next.set(Long.MAX_VALUE);
                }
                r = new Run(OfflineLoad.Result.crash("timeout", "no result within " + limit + " ms" + where, null), made);
            } catch (Exception e) {
                r = new Run(OfflineLoad.Result.crash("fuzzer: " + Verdict.kind(e), String.valueOf(e), e), made);
            }
            record(seed, r);
        }
        runner.shutdownNow();
    }

    /**
     * The time an input may take: the time limit, and the limit again for every GiB its entries
     * inflate to. The readers are held to linear time at about 100 MB/s (every entry is inflated
     * twice, to verify it and to read it), not to a constant: a 1 GiB entry is within the limits.
     * A reader that is slower than linear still fails, on any size.
     */
    private long allowedMs(FuzzMutator.Made made) {
        return options.timeoutMs() + (long) (options.timeoutMs() * (made.inflatedBytes() / (double) (1L << 30)));
    }

    private static ExecutorService runner(java.util.concurrent.atomic.AtomicReference<Thread> thread) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = Thread.ofPlatform().daemon().name("fuzz-input").unstarted(r);
            thread.set(t);
            return t;
        });
    }

    /** One input opened, and the input. */
    private record Run(OfflineLoad.Result result, FuzzMutator.Made made) {
    }

    private Run one(FuzzMutator.Made made, OfflineLoad load) {
        Path file = work.resolve("in-" + files.incrementAndGet() + ".pitwall");
        try {
            Files.write(file, made.bytes());
            long t0 = System.nanoTime();
            OfflineLoad.Result r = load.run(file);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            long allowed = allowedMs(made);
            if (r.outcome() != OfflineLoad.Outcome.CRASH && ms > allowed) {
                r = OfflineLoad.Result.crash("timeout", "took " + ms + " ms, allowed " + allowed + " ms for "
                        + (made.inflatedBytes() >> 20) + " MiB", null);
            }
            return new Run(r, made);
        } catch (Throwable t) {
            return new Run(OfflineLoad.Result.crash(Verdict.kind(t), String.valueOf(t), t), made);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // the work folder goes at the end
            }
        }
    }

    private void record(long seed, Run run) {
        done.increment();
        OfflineLoad.Result r = run.result();
        switch (r.outcome()) {
            case OPENED -> {
                opened.increment();
                if (r.kind().equals("partial")) {
                    partial.increment();
                }
            }
            case REFUSED -> {
                refused.increment();
                refusals.computeIfAbsent(r.kind(), k -> new LongAdder()).increment();
            }
            case CRASH -> {
                crashed.increment();
                FuzzMutator.Made m = run.made();
                Crash c = crashes.computeIfAbsent(r.kind(), k -> {
                    Crash first = new Crash(k, seed, m == null ? "" : m.seedName(), m == null ? List.of() : m.mutations(),
                            r.detail(), new LongAdder(), new java.util.concurrent.CopyOnWriteArrayList<>());
                    save(first, m, r.error());
                    System.out.println("CRASH " + k + " (--replay " + seed + ")");
                    return first;
                });
                c.count().increment();
                if (c.seed() != seed && c.more().size() < 10) {
                    c.more().add(seed);
                }
            }
        }
    }

    private void save(Crash c, FuzzMutator.Made m, Throwable error) {
        if (options.save() == null || m == null) {
            return;
        }
        try {
            Files.createDirectories(options.save());
            Path base = options.save().resolve("crash-" + c.seed());
            Files.write(base.resolveSibling(base.getFileName() + ".pitwall"), m.bytes());
            Files.writeString(base.resolveSibling(base.getFileName() + ".txt"), describe(c, error), StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.out.println("BundleFuzz: cannot save the reproducer: " + e.getMessage());
        }
    }

    private static String describe(Crash c, Throwable error) {
        StringWriter w = new StringWriter();
        PrintWriter p = new PrintWriter(w);
        p.println("kind: " + c.kind());
        p.println("replay: --replay " + c.seed());
        p.println("seed bundle: " + c.seedName());
        p.println("mutations: " + c.mutations());
        p.println("detail: " + c.detail());
        if (error != null) {
            error.printStackTrace(p);
        }
        p.flush();
        return w.toString();
    }

    private int replay(long seed) throws Exception {
        FuzzMutator.Made made = mutator.make(seed);
        Path file = options.save() != null ? Files.createDirectories(options.save()).resolve("replay-" + seed + ".pitwall")
                : work.resolve("replay-" + seed + ".pitwall");
        Files.write(file, made.bytes());
        long t0 = System.nanoTime();
        OfflineLoad.Result r = new OfflineLoad(shared, options.timeoutMs()).run(file);
        System.out.printf(Locale.ROOT, "input %d: %s bundle, %,d bytes, mutations %s%n", seed, made.seedName(), made.bytes().length,
                made.mutations());
        System.out.printf(Locale.ROOT, "%s in %d ms: %s%n%s%n", r.outcome(), (System.nanoTime() - t0) / 1_000_000, r.kind(),
                r.detail());
        if (r.error() != null) {
            r.error().printStackTrace(System.out);
        }
        System.out.println(options.save() != null ? "saved as " + file : "");
        return r.outcome() == OfflineLoad.Outcome.CRASH ? 1 : 0;
    }

    private void progress(long start) {
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%8.0f s  %,12d inputs  %7.1f/s  opened %,d  refused %,d  crashed %,d  (%d kinds)  heap %d MiB%n",
                s, done.sum(), done.sum() / s, opened.sum(), refused.sum(), crashed.sum(), crashes.size(),
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
    }

    private void summary(long start) {
        double s = (System.nanoTime() - start) / 1e9;
        long n = done.sum();
        System.out.println();
        System.out.printf(Locale.ROOT, "inputs:           %,d in %.0f s (%.1f inputs/s, %d threads)%n", n, s, n / s, options.threads());
        double open = loads.stream().mapToLong(l -> l.openNanos.sum()).sum() / 1e9;
        double read = loads.stream().mapToLong(l -> l.readNanos.sum()).sum() / 1e9;
        System.out.printf(Locale.ROOT, "time per input:   %.1f ms making it, %.1f ms opening it (FileSessions.open), %.1f ms reading it as the panes do%n",
                makeNanos.sum() / 1e6 / Math.max(1, n), open * 1e3 / Math.max(1, n), read * 1e3 / Math.max(1, n));
        System.out.printf(Locale.ROOT, "opened:           %,d (%,d with a signal failing cleanly)%n", opened.sum(), partial.sum());
        System.out.printf(Locale.ROOT, "clean refusals:   %,d%n", refused.sum());
        refusals.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.comparingLong(LongAdder::sum).reversed()))
                .forEach(e -> System.out.printf(Locale.ROOT, "    %-40s %,d%n", e.getKey(), e.getValue().sum()));
        System.out.printf(Locale.ROOT, "crashes:          %,d in %d kinds%n", crashed.sum(), crashes.size());
        crashes.values().stream().sorted(Comparator.comparingLong((Crash c) -> c.count().sum()).reversed())
                .forEach(c -> System.out.printf(Locale.ROOT, "    %,8d  %s  (--replay %d; %s %s)%n        %s%s%n", c.count().sum(),
                        c.kind(), c.seed(), c.seedName(), c.mutations(), oneLine(c.detail()),
                        c.more().isEmpty() ? "" : "\n        also --replay " + c.more()));
    }

    private static String oneLine(String s) {
        String t = String.valueOf(s).replace('\n', ' ');
        return t.length() > 1500 ? t.substring(0, 1500) + "..." : t;
    }

    private static void delete(Path dir) {
        try (var all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder
        }
    }
}
