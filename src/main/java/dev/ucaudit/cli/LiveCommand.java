package dev.ucaudit.cli;

import dev.ucaudit.engine.RecordedOptions;
import dev.ucaudit.events.EventChannel;
import dev.ucaudit.events.JsonLinesChannel;
import dev.ucaudit.events.LiveEventSinks;
import dev.ucaudit.events.SyslogChannel;
import dev.ucaudit.run.live.Retention;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import dev.ucaudit.text.Printable;
import dev.ucaudit.capture.LinkTypes;
import java.util.Locale;
import dev.ucaudit.capture.CaptureException;
import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.packet.CaptureProblem.Kind;
import dev.ucaudit.packet.PacketSink;
import dev.ucaudit.capture.live.CaptureEngine;
import dev.ucaudit.capture.live.LiveCaptureConfig;
import dev.ucaudit.capture.live.LivePacketSource;
import dev.ucaudit.engine.LossTrackingInspection;
import dev.ucaudit.capture.live.NativeCapture;
import dev.ucaudit.engine.TcpGapEstimator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "live", mixinStandardHelpOptions = true,
        description = {"Audit live traffic on an interface (a SPAN/mirror port beside CUCM) until SIGINT/SIGTERM or --duration.",
            "With --rotate, a report folder per period plus a cumulative view of unused openings.",
            "Needs CAP_NET_RAW and CAP_NET_ADMIN (root, or setcap on the java binary; see docs/live.md)."},
        versionProvider = Version.class, exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:nothing selected by --fail-on (by default: no undocumented flow)", "1:findings selected by --fail-on",
            "2:bad usage or a capture failure"})
final class LiveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    RootCommand root;

    @Mixin
    CatalogOptions catalogOptions = new CatalogOptions();

    @Mixin
    AuditOptions options = new AuditOptions();

    @Mixin
    PolicyOptions policyOptions = new PolicyOptions();

    @Option(names = {"-i", "--interface"}, paramLabel = "IF",
            description = "Interface to capture on, e.g. eth1 (the SPAN port); -D lists them. Required.")
    String interfaceName;

    @Option(names = {"-D", "--list-interfaces"},
            description = "List the interfaces ucaudit can capture on (as tcpdump -D: number, name, description, flags, addresses) and exit.")
    boolean listInterfaces;

    @Option(names = "--snaplen", paramLabel = "BYTES", defaultValue = "65535",
            description = "Bytes kept per packet; the default keeps whole SIP/SDP messages. Default: ${DEFAULT-VALUE}.")
    int snaplen;

    @Option(names = "--buffer-size", paramLabel = "SIZE", defaultValue = "64m", converter = Sizes.class,
            description = "libpcap (kernel) buffer; a larger one rides out bursts without kernel drops. Default: ${DEFAULT-VALUE}.")
    long bufferSize;

    @Option(names = "--queue-size", paramLabel = "SIZE", defaultValue = "64m", converter = Sizes.class,
            description = "Memory for captured packets waiting for analysis; when full, packets are dropped and counted as 'dropped by ucaudit'. Default: ${DEFAULT-VALUE}.")
    long queueSize;

    @Option(names = "--no-promiscuous", description = "Do not put the interface in promiscuous mode (a SPAN port needs it).")
    boolean noPromiscuous;

    @Option(names = "--immediate", description = "libpcap immediate mode: lower latency, more wake-ups (not needed for auditing).")
    boolean immediate;

    @Option(names = "--duration", paramLabel = "TIME", converter = Durations.class,
            description = "Stop after this long (30s, 10m, 2h, 1d, 1h30m). Default: until SIGINT/SIGTERM.")
    Duration duration;

    @Option(names = "--rotate", paramLabel = "PERIOD", converter = Durations.class,
            description = {"Write a report folder per period into --out, named by its start time in UTC (e.g. 2026-11-25T0800Z),",
                "periods aligned on the clock (1h: on the hour); also writes --out/cumulative-unused.csv and --out/latest."})
    Duration rotate;

    @Option(names = "--partial",
            description = {"Also write partial.bin.gz into each report folder (every period with --rotate): that period's packets,",
                "before classification, so that `ucaudit merge` joins the periods of one or many sensors exactly,",
                "as one audit of all their packets (its size: docs/live.md)."})
    boolean partial;

    @Option(names = "--keep", paramLabel = "N",
            description = "With --rotate: keep the N newest period folders, deleting older ones as each period is written. Default: all.")
    int keep;

    @Option(names = "--keep-days", paramLabel = "D",
            description = "With --rotate: delete period folders that started more than D days before the newest one. Default: all.")
    int keepDays;

    @Option(names = "--metrics", paramLabel = "ADDR:PORT",
            description = {"Serve Prometheus metrics (text format) on http://ADDR:PORT/metrics while running: packets, bytes,",
                "drops by kind, flows held, periods written, heap (ucaudit_*). :PORT listens on every address. See docs/live.md."})
    String metrics;

    @Option(names = "--events", paramLabel = "FILE",
            description = {"Write findings as they happen to FILE, one JSON object a line (- for stdout, which then carries",
                "only the events): each undocumented flow once it is 2 s old or ended, each scan once recognized, each",
                "burst of dropped packets. Appends to FILE. See docs/live.md."})
    String events;

    @Option(names = "--syslog", paramLabel = "URL",
            description = {"Send the same events to a syslog collector as RFC 5424 messages: udp://HOST:PORT or",
                "tcp://HOST:PORT (octet-counted, RFC 6587). A collector that is down does not stop the capture:",
                "the events it missed are counted and said."})
    String syslog;

    @Option(names = "--capture-engine", paramLabel = "ENGINE", defaultValue = "native", completionCandidates = Candidates.Engines.class,
            converter = EngineConverter.class,
            description = {"How packets are read from libpcap: native (the C helper: pcap_dispatch into one buffer per call,",
                "copied to Java in bulk) or pcap4j (pcap4j's loop, one call per packet). When the helper cannot load,",
                "ucaudit says so once and uses pcap4j. Default: ${DEFAULT-VALUE}."})
    CaptureEngine engine;

    static final class EngineConverter implements picocli.CommandLine.ITypeConverter<CaptureEngine> {
        @Override
        public CaptureEngine convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "native" -> CaptureEngine.NATIVE;
                case "pcap4j" -> CaptureEngine.PCAP4J;
                default -> throw new picocli.CommandLine.TypeConversionException("'" + value + "': expected native or pcap4j");
            };
        }
    }

    /** The channels of --events and --syslog; null when neither is asked for. */
    private LiveEventSinks openEvents(PrintWriter stdout, PrintWriter err) throws IOException {
        List<EventChannel> channels = new ArrayList<>();
        if (events != null) {
            channels.add(events.equals("-") ? new JsonLinesChannel(stdout, "--events -", false)
                    : new JsonLinesChannel(new PrintWriter(Files.newBufferedWriter(Path.of(events), StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND)), "--events " + Printable.escape(events), true));
        }
        if (syslog != null) {
            channels.add(SyslogChannel.open(syslog, line -> {
                err.println(Printable.escape(line));
                err.flush();
            }));
        }
        return channels.isEmpty() ? null : new LiveEventSinks(channels, line -> {
            err.println(Printable.escape(line));
            err.flush();
        });
    }

    /** The run these options describe, not yet started (tests drive it from a capture file). */
    LiveRun newRun(PrintWriter out, PrintWriter err, PrintStream errStream) {
        TcpGapEstimator estimator = new TcpGapEstimator(200_000);
        LiveRun run = new LiveRun(() -> {
            AuditSession s = new AuditSession(catalogOptions, options, err, errStream,
                    inspection -> new LossTrackingInspection(inspection, estimator));
            // --allowed and --state apply to every period (the state file carries last use across periods)
            s.extras = policyOptions.prepare(s.catalog.roles(), options.failOn, RecordedOptions.of(s.engine.config()));
            return s;
        }, estimator, options.out, rotate, out, err);
        if (partial) {
            run.recordPartials(interfaceName);
        }
        run.retention = new Retention(keep, keepDays);
        return run;
    }

    @Override
    public Integer call() throws Exception {
        if (listInterfaces) {
            return InterfaceList.print(spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        if (interfaceName == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--interface=IF' (ucaudit live -D lists the interfaces)");
        }
        options.checkOut(spec.commandLine());
        ProgressLine progress = ProgressLine.of(spec.commandLine(), root, options.quiet);
        PrintWriter err = progress.guard();
        // with --events -, stdout carries the events alone: what live prints goes to stderr
        PrintWriter out = options.quiet ? ProgressLine.discard() : "-".equals(events) ? err : spec.commandLine().getOut();
        if (snaplen < 64 || snaplen > 262144) {
            throw new ParameterException(spec.commandLine(), "--snaplen must be between 64 and 262144");
        }
        if (bufferSize > Integer.MAX_VALUE) {
            throw new ParameterException(spec.commandLine(), "--buffer-size must be below 2g");
        }
        if (keep < 0 || keepDays < 0 || (keep > 0 || keepDays > 0) && rotate == null) {
            throw new ParameterException(spec.commandLine(), "--keep and --keep-days take 1 or more and go with --rotate (periods to keep)");
        }
        if (rotate != null && rotate.toMillis() < 1000) {
            throw new ParameterException(spec.commandLine(), "--rotate must be at least 1s");
        }
        // checked and locked before capturing: a run never captures for hours and then finds it cannot write
        try (OutFolder claimed = OutFolder.claim(options.out, policyOptions.state, rotate != null)) {
            LiveEventSinks told;
            try {
                told = openEvents(spec.commandLine().getOut(), err);
            } catch (IOException | IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), Printable.escape(String.valueOf(e.getMessage())));
            }
            try {
                return capture(out, err, progress, told);
            } finally {
                if (told != null) {
                    told.close();
                }
            }
        }
    }

    private Integer capture(PrintWriter out, PrintWriter err, ProgressLine progress, LiveEventSinks told) throws Exception {
        PrintStream errStream = new PrintStream(new WriterOutputStream(err), true);
        LiveRun run = newRun(out, err, errStream);
        if (told != null) {
            run.tellEvents(told);
        }
        run.startWindow(System.currentTimeMillis()); // loads catalog and inventory: their problems come first
        run.announceContinuation(System.currentTimeMillis());

        LiveCaptureConfig config = new LiveCaptureConfig(interfaceName, snaplen, (int) bufferSize, !noPromiscuous,
                immediate, 100, options.filter, queueSize, LiveCaptureConfig.DEFAULT_BLOCK);
        LivePacketSource source = new LivePacketSource(config);
        CaptureEngine.Selection selection = CaptureEngine.select(engine, NativeCapture::load);
        if (selection.notice() != null) {
            err.println(selection.notice());
        }
        source.setEngine(selection.engine());
        try {
            source.open();
        } catch (CaptureException e) {
            run.discardPartial();
            err.println("ucaudit: " + Printable.escape(e.getMessage()));
            err.flush();
            return 2;
        }
        run.attach(source);
        LiveMetrics served = null;
        if (metrics != null) {
            try {
                served = LiveMetrics.start(metrics, new LiveMetrics.Figures(source::stats, () -> run.session().sink.flowsHeld(),
                        () -> run.session().sink.flowsSeen(), run::periodsWritten, v -> run.session().sink.flowsClassified(v), told));
            } catch (IOException | IllegalArgumentException e) {
                source.close();
                run.discardPartial();
                err.println("ucaudit: --metrics " + Printable.escape(metrics) + ": cannot listen: " + Printable.escape(String.valueOf(e.getMessage())));
                err.flush();
                return 2;
            }
            err.printf("ucaudit: metrics on http://%s/metrics%n", Printable.escape(metrics.replaceFirst(":(\\d+)$", "") + ":" + served.port()));
        }
        long deadline = duration == null ? Long.MAX_VALUE : System.currentTimeMillis() + duration.toMillis();
        PrintWriter notices = options.quiet ? out : err;
        source.setTicker(() -> {
            long now = System.currentTimeMillis();
            if (now >= deadline && !source.stopRequested()) {
                source.stop();
            }
            long nanos = System.nanoTime();
            run.tick(nanos);
            if (progress.due(nanos)) {
                source.sampleStats();
                LivePacketSource.Stats st = source.stats();
                progress.draw(String.format(Locale.ROOT,
                        "ucaudit: %s  %,d packets captured  %,d dropped by kernel  %,d dropped by ucaudit  %,d flows  %s",
                        interfaceName, st.captured(), st.pcap().dropped(), st.droppedByUcaudit(), run.session().sink.flowsSeen(),
                        ProgressLine.duration((now - source.startedAtMillis()) / 1000)), nanos);
            }
        });
        PacketSink sink = served == null ? run.sink() : served.counting(run.sink());
        try (SignalStop signals = new SignalStop(source::stop, err)) {
            // announced once SIGINT/SIGTERM are handled: a script may signal as soon as it reads this line
            notices.printf("ucaudit: listening on %s, link-type %s, snapshot length %d bytes, buffer %d MiB, %s capture%s%s%n",
                    interfaceName, LinkTypes.describe(source.linkType()), snaplen, bufferSize >> 20, source.engine().label(), options.filter == null ? "" : ", filter '" + options.filter + "'",
                    duration == null ? " (stop with Ctrl-C or SIGTERM)" : ", for " + Durations.format(duration));
            err.flush();
            try {
                source.run(sink);
            } catch (CaptureException e) {
                sink.problem(new CaptureProblem(interfaceName, 0, Kind.CAPTURE_ERROR, e.getMessage(), true));
            }
            source.sampleStats();
            progress.clear();
            int status = run.finish(System.currentTimeMillis());
            run.printStats(notices);
            return status;
        } finally {
            run.discardPartial(); // a period not written (nothing when the run ended normally)
            source.close();
            if (served != null) {
                served.close();
            }
            errStream.flush();
        }
    }
}
