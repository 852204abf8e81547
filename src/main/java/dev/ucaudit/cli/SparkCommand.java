package dev.ucaudit.cli;

import dev.ucaudit.engine.RecordedOptions;
import dev.ucaudit.text.Printable;
import dev.ucaudit.audit.RunCounts;
import dev.ucaudit.capture.CaptureException;
import dev.ucaudit.spark.ConfigCopy;
import dev.ucaudit.spark.InputOrder;
import dev.ucaudit.spark.ReportPartials;
import dev.ucaudit.spark.SiteAudit;
import dev.ucaudit.spark.SparkAudit;
import dev.ucaudit.spark.SparkJob;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "spark", mixinStandardHelpOptions = true,
        description = {"Audit many capture files in parallel with Apache Spark (HDFS, S3 or local folders), with the same report as"
            + " 'ucaudit audit' of the same files in the same order. Report folders holding partial.bin.gz (audit, live,"
            + " merge or spark --partial: a fleet's sensors and periods) are merged in, as 'ucaudit merge' does."
            + " Needs Spark on the class path: set SPARK_HOME, or run"
            + " spark-submit --class dev.ucaudit.cli.SparkMain ucaudit.jar [OPTION]... PATH... (see docs/scale.md)."},
        versionProvider = Version.class, exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:nothing selected by --fail-on (by default: no undocumented flow)", "1:findings selected by --fail-on",
            "2:bad usage, an unusable input (nothing written), a report marked INCOMPLETE (some input not read in full), or a crash"})
final class SparkCommand implements Callable<Integer> {
    /** A class every Spark has: its absence means Spark is not on the class path. */
    static final String SPARK_CLASS = "org.apache.spark.SparkContext";

    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOptions catalogOptions = new CatalogOptions();

    @Mixin
    AuditOptions options = new AuditOptions();

    @Mixin
    PolicyOptions policyOptions = new PolicyOptions();

    @Option(names = "--master", paramLabel = "URL",
            description = {"Where to run: local[*] (every core of this machine), local[N], yarn, k8s://https://HOST:PORT,"
                + " spark://HOST:PORT. Default: the master spark-submit was given, else local[*]."})
    String master;

    @Option(names = "--files-per-task", paramLabel = "N", defaultValue = "1",
            description = "Consecutive files one Spark task reads; raise it for many small files. Default: ${DEFAULT-VALUE}.")
    int filesPerTask;

    @Option(names = "--order", paramLabel = "path|modified", defaultValue = "path",
            description = {"The order the files are read in, as one audit would read them. path: by name, numbers as numbers"
                + " (cap.pcap2 before cap.pcap10), so each sensor folder's files come together;",
                "modified: folder by folder, each folder's files by the time they were last written. Default: ${DEFAULT-VALUE}."})
    String order;

    @Option(names = "--conf", paramLabel = "KEY=VALUE",
            description = "A Spark setting, as spark-submit --conf takes it (spark.executor.memory=4g); may be repeated.")
    Map<String, String> sparkConf = new LinkedHashMap<>();

    @Option(names = "--partial",
            description = "Also write partial.bin.gz into the report, as audit --partial does, so that `ucaudit merge` can join it with other reports.")
    boolean partial;

    @Option(names = "--per-site",
            description = {"One report per site: each first-level folder under each PATH is a site (folders of the same name"
                + " under two PATHs are one site), audited alone into OUT/SITE/, all sites in one Spark job; each report is"
                + " that of 'ucaudit audit' of the site's folder. Not with --state (each site would need its own history)."})
    boolean perSite;

    /** The run's set-up, made once the reports' partial audits are read (see {@link #session(Optional, PrintWriter, PrintStream)}). */
    private AuditSession session;

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = {"Capture files, report folders (holding partial.bin.gz) or such files, folders (searched recursively for"
                + " .pcap, .pcapng, .cap and .gz files and for report folders) or globs, as local paths or Hadoop URLs: file:,"
                + " hdfs://, s3a:// (needs hadoop-aws)."})
    List<String> paths = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (!sparkPresent()) {
            throw new IllegalArgumentException("spark needs Apache Spark 4 on the class path: set SPARK_HOME to a Spark"
                    + " installation, or run spark-submit --class dev.ucaudit.cli.SparkMain ucaudit.jar (see docs/scale.md)");
        }
        options.checkOut(spec.commandLine());
        options.check(); // before Spark starts (the set-up checks again, once the reports' options are taken)
        if (options.filter != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--filter is not supported by spark (the tasks read without libpcap); filter the captures first");
        }
        SparkJob job = new SparkJob(paths, master, filesPerTask, InputOrder.of(order), sparkConf, partial);
        if (perSite) {
            if (policyOptions.state != null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--state is not supported with --per-site (one history per site: run each site with its own --state)");
            }
            return audit(job);
        }
        try (OutFolder claimed = OutFolder.claim(options.out, policyOptions.state, false)) {
            return audit(job);
        }
    }

    private static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /** What the tasks and the driver read, and how long it took. */
    private static String readFigures(SparkAudit.Result result) {
        List<String> parts = new ArrayList<>();
        if (result.reports() > 0) {
            parts.add(String.format(Locale.ROOT, "%s (%.1f MB) read on the driver in %.1f s", result.reports() == 1
                    ? "1 report's partial audit" : result.reports() + " reports' partial audits", result.reportBytes() / 1e6,
                    result.reportsTime().toMillis() / 1e3));
        }
        if (!result.files().isEmpty()) {
            parts.add(String.format(Locale.ROOT, "%s in %s read in %.1f s (partial audits: %.1f MB)",
                    count(result.files().size(), "file"), count(result.tasks(), "task"), result.tasksTime().toMillis() / 1e3,
                    result.partialBytes() / 1e6));
        }
        return String.join(", ", parts);
    }

    static boolean sparkPresent() {
        try {
            Class.forName(SPARK_CLASS, false, SparkCommand.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * The run's set-up, once the reports' partial audits are read: options the command line does not give are
     * those the reports were recorded with (as in merge), so that the captures are audited as the reports were.
     */
    private AuditSession session(Optional<RecordedOptions> recorded, PrintWriter err, PrintStream errStream)
            throws CaptureException {
        MergeOptions.Adopted adopted;
        try {
            adopted = recorded.map(r -> MergeOptions.takeRecorded(spec.commandLine().getParseResult(), options, r))
                    .orElse(new MergeOptions.Adopted(options.settings(), ""));
        } catch (IllegalArgumentException e) {
            throw new CaptureException("a report's partial audit is damaged: " + e.getMessage(), e);
        }
        String taken = adopted.taken();
        AuditSession session = new AuditSession(catalogOptions, options, adopted.settings(), err, errStream);
        if (!taken.isEmpty() && !options.quiet) {
            err.println("ucaudit: audited with the options the reports' partial audits were recorded with: " + taken);
            err.flush();
        }
        session.extras = policyOptions.prepare(session.catalog.roles(), options.failOn,
                RecordedOptions.of(session.engine.config()));
        return session;
    }

    private ConfigCopy copy(AuditSession session) {
        try {
            return ConfigCopy.of(session.engine.config(), catalogOptions.catalogs, options.inventory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Integer audit(SparkJob job) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter summary = options.quiet ? ProgressLine.discard() : out;
        PrintStream errStream = new PrintStream(new WriterOutputStream(err), true);
        SparkAudit.ConfigChoice choice = recorded -> {
            session = session(recorded, err, errStream);
            return new SparkAudit.Chosen(session.engine.config(), copy(session));
        };
        SparkAudit.Result result = null;
        int[] status = {0};
        try {
            if (perSite) {
                SiteAudit.run(job, choice, new ProblemLines(errStream), (site, r) -> {
                    errStream.flush();
                    status[0] = Math.max(status[0], site(site, r, summary, err));
                });
            } else {
                result = SparkAudit.run(job, choice, new ProblemLines(errStream));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause(); // the catalog or inventory could not be read for the executors' copy
        } catch (CaptureException e) {
            err.println("ucaudit: " + Printable.escape(e.getMessage()) + "; nothing was audited and " + Printable.escape(options.out.toString()) + " was left as it was");
            err.flush();
            return 2;
        }
        errStream.flush();
        return perSite ? status[0] : written(result, options.out, "", summary, err);
    }

    /** One site's report, written into its own folder under --out (claimed as a run's --out is). */
    private int site(String site, SparkAudit.Result result, PrintWriter summary, PrintWriter err) throws IOException {
        Path dir = options.out.resolve(site);
        try {
            Files.createDirectories(options.out);
            try (OutFolder claimed = OutFolder.claim(dir, null, false)) {
                return written(result, dir, "site " + site + ": ", summary, err);
            }
        } catch (IllegalArgumentException e) {
            err.println("ucaudit: site " + Printable.escape(site) + ": " + Printable.escape(e.getMessage()));
            err.flush();
            return 2;
        }
    }

    /** Writes the report of {@code result} into {@code dir}, with {@code what} before the figures line; the exit status. */
    private int written(SparkAudit.Result result, Path dir, String what, PrintWriter summary, PrintWriter err) throws IOException {
        for (String name : result.repeated()) {
            err.println("ucaudit: warning: " + Printable.escape(name) + " was found under two of the paths given; it is read once");
        }
        for (ReportPartials.Duplicate d : result.duplicates()) {
            if (!d.latestLink()) { // a live run's latest link always names a period read already
                err.println("ucaudit: warning: " + Printable.escape(d.name()) + " holds the same partial audit as " + Printable.escape(String.valueOf(d.sameAs())) + "; it is read once");
            }
        }
        RunCounts stats = result.outcome().stats();
        List<String> unusable = AuditSession.unusableInputs(stats);
        if (!unusable.isEmpty()) {
            for (RunCounts.Input input : stats.inputs()) {
                if (!input.error().isEmpty()) {
                    err.println("ucaudit: " + Printable.escape(String.valueOf(input.error())));
                }
            }
            for (String name : unusable) {
                err.println("ucaudit: " + Printable.escape(name) + ": no packet could be read from it; nothing was written and "
                        + Printable.escape(dir.toString()) + " was left as it was");
            }
            err.flush();
            return 2;
        }
        summary.printf(Locale.ROOT, "ucaudit: spark %s: %s%s, classified on the driver as they arrived (done %.1f s after the last)%n",
                result.master(), what, readFigures(result), result.classifyTime().toMillis() / 1e3);
        if (partial) {
            session.partialFile = PartialFiles.written(dir, result.whole());
        }
        return session.write(result.outcome(), "offline", dir, Map.of(), summary, err);
    }
}
