package dev.ucaudit.cli;

import dev.ucaudit.engine.RecordedOptions;
import dev.ucaudit.text.Printable;
import dev.ucaudit.engine.AuditEngine;
import dev.ucaudit.report.FlowsJsonLines;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import dev.ucaudit.capture.BpfFilter;
import dev.ucaudit.capture.CaptureException;
import dev.ucaudit.capture.CaptureFiles;
import dev.ucaudit.capture.CaptureFolder;
import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.packet.CaptureProblem.Kind;
import dev.ucaudit.packet.PacketSink;
import dev.ucaudit.capture.PacketSource;
import dev.ucaudit.capture.PcapFileSource;
import dev.ucaudit.packet.RawPacket;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "audit", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Audit recorded captures (.pcap, .pcapng, gzip-compressed either way); several files, or the captures of a folder, are one observation window."},
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:nothing selected by --fail-on (by default: no undocumented flow)", "1:findings selected by --fail-on",
            "2:bad usage, an unusable input (nothing written), a report marked INCOMPLETE (some input not read in full), or a crash"})
final class AuditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    RootCommand root;

    @Mixin
    CatalogOptions catalogOptions = new CatalogOptions();

    @Mixin
    AuditOptions options = new AuditOptions();

    @picocli.CommandLine.Option(names = "--reader", paramLabel = "READER", defaultValue = "builtin", completionCandidates = Candidates.Readers.class,
            description = {"builtin: ucaudit's own pcap/pcapng/gzip reader (fast, resynchronizes after damaged records);",
                "libpcap: read through libpcap (pcap4j), to cross-check. Default: ${DEFAULT-VALUE}."})
    String reader;

    @Mixin
    PolicyOptions policyOptions = new PolicyOptions();

    @Parameters(paramLabel = "CAPTURE", arity = "0..*",
            description = {"Capture files to audit together; - reads standard input (tcpdump -w - | ucaudit audit -).",
                "A folder stands for the captures in it (*.pcap, *.pcapng, *.cap, tcpdump's *.pcap1 ..., also .gz), read in name order."})
    List<Path> captures = new ArrayList<>();

    @picocli.CommandLine.Option(names = "-r", paramLabel = "FILE",
            description = "A capture file to read, as tcpdump -r and tshark -r take it (- for standard input); may be repeated.")
    List<Path> readOption = new ArrayList<>();

    @picocli.CommandLine.Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", completionCandidates = Candidates.AuditFormats.class,
            description = {"text: a summary for people on standard output;",
                "jsonl: one JSON object per flow (flows.csv's columns, numbers as numbers) on standard output, as Zeek's JSON logs and nfdump -o json,",
                "the summary then on standard error, and no report folder is written unless --out is given. Default: ${DEFAULT-VALUE}."})
    String format;

    @picocli.CommandLine.Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = {"Threads: with 2 or more, captures are read on N-1 threads (N-1 files at once) while flows,"
                + " inspection and classification run on one; the report is the same as with 1.",
                "Default (0): the number of cores, but 1 with 2 cores or fewer, where the JIT compiler and the garbage collector"
                + " already use the second core (docs/performance.md has the measurements)."})
    int threads;

    @picocli.CommandLine.Option(names = "--partial",
            description = {"Also write partial.bin.gz into the report: what was read, before classification,",
                "so that `ucaudit merge` can join this report with others exactly (gzip-compressed; its size per packet: docs/live.md)."})
    boolean partial;

    /** Whether this run writes a report folder (not for --format jsonl without --out). */
    private boolean writeFolder = true;

    /** Most --threads accepted. */
    static final int MAX_THREADS = 256;

    /** The captures of -r and of the arguments, checked: at least one, standard input at most once. */
    private List<Path> inputs() {
        List<Path> all = new ArrayList<>(readOption);
        all.addAll(captures);
        if (all.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Missing required parameter: 'CAPTURE' (a capture file, or - for standard input)");
        }
        if (all.stream().filter(AuditCommand::isStdin).count() > 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "standard input (-) can be read only once");
        }
        return all;
    }

    /** Each folder among the inputs replaced by the captures in it, in name order, saying how many. */
    private static List<Path> expandFolders(List<Path> inputs, PrintWriter err) throws IOException, CaptureException {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (isStdin(input) || !Files.isDirectory(input)) {
                files.add(input);
                continue;
            }
            List<Path> inFolder = CaptureFolder.captures(input);
            if (inFolder.isEmpty()) {
                throw new CaptureException(input + ": no capture in this folder (files named *.pcap, *.pcapng or *.cap,"
                        + " also tcpdump's rotated *.pcap1 ... and gzip-compressed *.gz)");
            }
            err.printf("ucaudit: %s: %d capture%s, read in name order (%s ... %s)%n", Printable.escape(input.toString()), inFolder.size(),
                    inFolder.size() == 1 ? "" : "s", Printable.escape(inFolder.get(0).getFileName().toString()),
                    Printable.escape(inFolder.get(inFolder.size() - 1).getFileName().toString()));
            files.addAll(inFolder);
        }
        err.flush();
        return files;
    }

    static boolean isStdin(Path capture) {
        return capture.toString().equals("-");
    }

    private static PacketSource open(Path capture, CaptureFiles.Reader which) {
        return isStdin(capture) ? PcapFileSource.ofStream(System.in, STDIN) : CaptureFiles.open(capture, which);
    }

    /** How reports and messages name standard input. */
    static final String STDIN = "standard input";

    @Override
    public Integer call() throws Exception {
        List<Path> inputs = inputs();
        options.checkOut(spec.commandLine());
        if (!format.equals("text") && !format.equals("jsonl")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format must be text or jsonl, not '" + format + "'");
        }
        // the flows asked for on standard output: no report folder unless --out names one (a pipeline has no side effects)
        writeFolder = format.equals("text") || spec.commandLine().getParseResult().hasMatchedOption("--out");
        if (!writeFolder && (partial || policyOptions.state != null)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), (partial ? "--partial" : "--state")
                    + " goes with a report folder: give --out DIR too (with --format jsonl no folder is written without it)");
        }
        // --out and --state are checked and locked before anything is read: no run ends up unable to write
        try (OutFolder claimed = writeFolder ? OutFolder.claim(options.out, policyOptions.state, false) : null) {
            return audit(inputs);
        }
    }

    private int threads() {
        if (threads < 0 || threads > MAX_THREADS) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--threads must be between 1 and " + MAX_THREADS + " (0: the number of cores), not " + threads);
        }
        return threads == 0 ? defaultThreads(Runtime.getRuntime().availableProcessors()) : threads;
    }

    /** --threads 0: every core, where a reader thread pays (more than 2 cores; see the option's help). */
    static int defaultThreads(int cores) {
        return cores > 2 ? cores : 1;
    }

    private Integer audit(List<Path> captures) throws Exception {
        int threadCount = threads();
        PrintWriter out = spec.commandLine().getOut();
        ProgressLine progress = ProgressLine.of(spec.commandLine(), root, options.quiet);
        PrintWriter err = progress.guard();
        PrintWriter summary = options.quiet ? ProgressLine.discard() : format.equals("jsonl") ? err : out;
        PrintStream errStream = new PrintStream(new WriterOutputStream(err), true);
        AuditSession session = new AuditSession(catalogOptions, options, err, errStream);
        session.extras = policyOptions.prepare(session.catalog.roles(), options.failOn,
                RecordedOptions.of(session.engine.config()));
        BpfFilter filter = null;
        if (options.filter != null) {
            try {
                filter = new BpfFilter(options.filter);
            } catch (CaptureException e) {
                err.println("ucaudit: " + Printable.escape(e.getMessage()));
                err.flush();
                return 2;
            }
        }
        CaptureFiles.Reader which = switch (reader) {
            case "builtin" -> CaptureFiles.Reader.BUILT_IN;
            case "libpcap" -> CaptureFiles.Reader.LIBPCAP;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--reader must be builtin or libpcap, not '" + reader + "'");
        };
        // Fail closed: every capture is checked before any packet is read, so that an unusable one ends the
        // run with exit 2 while the report already in --out stays as it was.
        List<Path> inputs;
        try {
            inputs = distinctCaptures(expandFolders(captures, err), err);
        } catch (CaptureException e) {
            err.println("ucaudit: " + Printable.escape(e.getMessage()) + "; nothing was audited and " + Printable.escape(options.out.toString()) + " was left as it was");
            err.flush();
            closeFilter(filter);
            return 2;
        }
        BpfFilter accepted = filter;
        if (threadCount == 1 && !partial) {
            for (Path capture : inputs) {
                String name = inputName(capture);
                long size = size(capture);
                session.engine.read(name, () -> open(capture, which), (source, engine) -> {
                    PacketSink sink = accepted == null ? engine : new FilteringSink(accepted, engine);
                    return progress.enabled() ? new ReadProgress(sink, progress, session.sink, source, name, size) : sink;
                });
                progress.clear();
            }
        } else {
            readPipelined(session, inputs, which, accepted, progress, Math.max(1, threadCount - 1), partial);
        }
        closeFilter(filter);
        List<String> unusable = session.unusableInputs();
        if (!unusable.isEmpty()) {
            errStream.flush();
            for (String name : unusable) {
                err.println("ucaudit: " + Printable.escape(name) + ": no packet could be read from it; nothing was written and "
                        + Printable.escape(options.out.toString()) + " was left as it was");
            }
            err.flush();
            return 2;
        }
        errStream.flush();
        int status = session.finishAndWrite("offline", writeFolder ? options.out : null, Map.of(), summary, err);
        if (format.equals("jsonl")) {
            FlowsJsonLines.write(out, session.lastRows);
        }
        return status;
    }

    /**
     * --threads N (N >= 2): the captures are read and decoded on N-1 threads of this command, N-1 files
     * at a time, while this thread runs the engine; the outcome is that of reading them in order.
     */
    private static void readPipelined(AuditSession session, List<Path> inputs, CaptureFiles.Reader which, BpfFilter filter,
                                      ProgressLine progress, int readers, boolean partial) throws Exception {
        AtomicInteger numbered = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(readers, task -> {
            Thread t = new Thread(task, "ucaudit-reader-" + numbered.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<AuditEngine.Input> list = new ArrayList<>();
            Map<String, Long> sizes = new HashMap<>();
            for (Path capture : inputs) {
                list.add(new AuditEngine.Input(inputName(capture), () -> open(capture, which)));
                sizes.put(inputName(capture), size(capture));
            }
            BiFunction<PacketSource, PacketSink, PacketSink> decorate = (source, recorder) -> {
                PacketSink sink = filter == null ? recorder : new FilteringSink(filter, recorder);
                return progress.enabled() && readers == 1
                        ? new ReadProgress(sink, progress, session.sink, source, source.name(), sizes.getOrDefault(source.name(), -1L))
                        : sink;
            };
            if (partial) {
                session.partialFile = PartialFiles.temporary(session.options.out);
                try (OutputStream out = Files.newOutputStream(session.partialFile)) {
                    session.engine.readPipelined(list, pool, readers, decorate, out);
                }
            } else {
                session.engine.readPipelined(list, pool, readers, decorate);
            }
        } finally {
            pool.shutdownNow();
            progress.clear();
        }
    }

    private static String inputName(Path capture) {
        return isStdin(capture) ? STDIN : capture.toString();
    }

    private static long size(Path capture) throws IOException {
        return isStdin(capture) || !Files.isRegularFile(capture) ? -1 : Files.size(capture);
    }

    private static void closeFilter(BpfFilter filter) {
        if (filter != null) {
            filter.close();
        }
    }

    /**
     * Checks every capture (see {@link CaptureFiles#check}) and drops a file given twice (the same file
     * under the same or another name), with a warning: it is read once, never counted twice.
     */
    static List<Path> distinctCaptures(List<Path> captures, PrintWriter err) throws CaptureException {
        Map<Object, Path> seen = new LinkedHashMap<>();
        for (Path capture : captures) {
            if (isStdin(capture)) {
                seen.put(STDIN, capture); // read once (inputs() refuses a second -), checked as it is read
                continue;
            }
            CaptureFiles.check(capture);
            Path first = seen.putIfAbsent(CaptureFiles.identity(capture), capture);
            if (first != null) {
                err.println("ucaudit: warning: " + Printable.escape(capture.toString()) + " is the same file as "
                        + Printable.escape(first.toString()) + "; it is read once");
            }
        }
        err.flush();
        return List.copyOf(seen.values());
    }

    /** Passes on only the packets a BPF filter accepts. */
    private record FilteringSink(BpfFilter filter, PacketSink next) implements PacketSink {
        @Override
        public void packet(RawPacket packet) {
            try {
                boolean accepted;
                synchronized (filter) { // readers of several files share one compiled filter
                    accepted = filter.accepts(packet);
                }
                if (accepted) {
                    next.packet(packet);
                }
            } catch (CaptureException e) {
                next.problem(new CaptureProblem(packet.sourceName, packet.number, Kind.FILTER, e.getMessage(), false));
            }
        }

        @Override
        public void problem(CaptureProblem problem) {
            next.problem(problem);
        }
    }
}
