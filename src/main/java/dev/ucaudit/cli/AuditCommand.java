package dev.ucaudit.cli;

import dev.ucaudit.capture.BpfFilter;
import dev.ucaudit.capture.CaptureException;
import dev.ucaudit.capture.CaptureFiles;
import dev.ucaudit.capture.CaptureProblem;
import dev.ucaudit.capture.PacketSink;
import dev.ucaudit.capture.PacketSource;
import dev.ucaudit.capture.RawPacket;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Audit recorded captures (.pcap, .pcapng, gzip-compressed either way); several files are one observation window.",
            "Exit status: 0 nothing undocumented, 1 findings (see --fail-on), 2 bad usage, an unusable input (nothing written),",
            "a report marked INCOMPLETE (some input not read in full), or a crash."})
final class AuditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOptions catalogOptions = new CatalogOptions();

    @Mixin
    AuditOptions options = new AuditOptions();

    @picocli.CommandLine.Option(names = "--reader", paramLabel = "READER", defaultValue = "builtin",
            description = {"builtin: ucaudit's own pcap/pcapng/gzip reader (fast, resynchronizes after damaged records);",
                "libpcap: read through libpcap (pcap4j), to cross-check. Default: ${DEFAULT-VALUE}."})
    String reader;

    @Mixin
    PolicyOptions policyOptions = new PolicyOptions();

    @Parameters(paramLabel = "CAPTURE", arity = "1..*", description = "Capture files to audit together.")
    List<Path> captures;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PrintStream errStream = new PrintStream(new WriterOutputStream(err), true);
        AuditSession session = new AuditSession(catalogOptions, options, err, errStream);
        session.extras = policyOptions.prepare(session.catalog.roles(), options.failOn);
        BpfFilter filter = null;
        if (options.filter != null) {
            try {
                filter = new BpfFilter(options.filter);
            } catch (CaptureException e) {
                err.println("ucaudit: " + e.getMessage());
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
            inputs = distinctCaptures(captures, err);
        } catch (CaptureException e) {
            err.println("ucaudit: " + e.getMessage() + "; nothing was audited and " + options.out + " was left as it was");
            err.flush();
            closeFilter(filter);
            return 2;
        }
        PacketSink sink = filter == null ? session.auditor : new FilteringSink(filter, session.auditor);
        for (Path capture : inputs) {
            session.auditor.stats().input(capture.toString());
            try (PacketSource source = CaptureFiles.open(capture, which)) {
                source.run(sink);
            } catch (CaptureException e) {
                session.auditor.inputFailed(capture.toString(), e.getMessage());
            }
        }
        closeFilter(filter);
        List<String> unusable = session.unusableInputs();
        if (!unusable.isEmpty()) {
            errStream.flush();
            for (String name : unusable) {
                err.println("ucaudit: " + name + ": no packet could be read from it; nothing was written and "
                        + options.out + " was left as it was");
            }
            err.flush();
            return 2;
        }
        errStream.flush();
        return session.finishAndWrite("offline", options.out, Map.of(), out, err);
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
        Map<Object, Path> seen = new java.util.LinkedHashMap<>();
        for (Path capture : captures) {
            CaptureFiles.check(capture);
            Path first = seen.putIfAbsent(CaptureFiles.identity(capture), capture);
            if (first != null) {
                err.println("ucaudit: warning: " + capture + " is the same file as " + first + "; it is read once");
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
                if (filter.accepts(packet)) {
                    next.packet(packet);
                }
            } catch (CaptureException e) {
                next.problem(new CaptureProblem(packet.sourceName, packet.number, "filter", e.getMessage(), false));
            }
        }

        @Override
        public void problem(CaptureProblem problem) {
            next.problem(problem);
        }
    }
}
