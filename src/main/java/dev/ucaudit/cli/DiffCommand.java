package dev.ucaudit.cli;

import dev.ucaudit.text.Printable;
import dev.ucaudit.catalog.CatalogProblem;
import dev.ucaudit.diff.DiffCsv;
import dev.ucaudit.diff.DiffJson;
import dev.ucaudit.diff.DiffPages;
import dev.ucaudit.diff.FailOn;
import dev.ucaudit.diff.ReportDiff;
import dev.ucaudit.diff.ReportFolder;
import dev.ucaudit.history.OpeningHistory;
import dev.ucaudit.policy.AllowedPolicy;
import dev.ucaudit.policy.PolicyCheck;
import dev.ucaudit.policy.PolicyLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compare two report folders (yesterday's and today's) for a nightly job: new flows, flows gone, "
            + "verdict changes, catalog openings newly used or unused; with --allowed, also flows the site's allowed-flows "
            + "policy does not allow. With --allowed, CURRENT alone may be given.",
            "Flows compare by initiator host and role, responder host, protocol and responder port; the initiator's port "
                + "is ignored and responder ports in 16384-32767 (media) or 32768-61000 (ephemeral) count as one.",
            "Writes diff.csv and diff.html into --out and a short summary on stdout."},
        versionProvider = Version.class, exitCodeListHeading = "Exit status (like GNU diff):%n",
        exitCodeList = {"0:nothing selected by --fail-on changed", "1:something selected by --fail-on changed",
            "2:bad usage or unreadable input"})
final class DiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOptions catalogOptions = new CatalogOptions();

    @Parameters(paramLabel = "REPORT", arity = "1..2", description = "BASELINE CURRENT report folders (or CURRENT alone with --allowed).")
    List<Path> reports = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", completionCandidates = Candidates.DiffFormats.class,
            description = "text: a short summary on stdout; json: the summary and every row of diff.csv as one JSON object. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "ucaudit-diff",
            description = "Folder for diff.csv and diff.html. Default: ${DEFAULT-VALUE}/")
    Path out;

    @Option(names = "--fail-on", paramLabel = "WHAT", split = ",", defaultValue = "new-undocumented",
            completionCandidates = Candidates.DiffFailOn.class,
            description = {"Changes that make the exit status 1 (comma-separated): new-undocumented, new-flow, verdict-change, "
                + "gone, new-scan, scan-gone, newly-unused, long-unused, escaped, unused-allowed, any, none. escaped and unused-allowed "
                + "need --allowed; long-unused needs the state file. new-undocumented includes new scans. With --allowed, escaped "
                + "always counts (unless none). Default: ${DEFAULT-VALUE}."})
    List<String> failOn = new ArrayList<>();

    @Option(names = "--allowed", paramLabel = "FILE",
            description = "Allowed-flows file (source,destination,protocol,ports,comment): report flows of CURRENT it does not allow (escaped) and its rules no flow used.")
    Path allowed;

    @Option(names = "--state", paramLabel = "FILE",
            description = "State file that 'ucaudit audit --state' keeps (last use of every opening). Default: ucaudit-state.json beside CURRENT, when it exists.")
    Path state;

    @Option(names = "--unused-days", paramLabel = "N", defaultValue = "30",
            description = "Openings unused at least this many days (per the state file) are reported as long-unused. Default: ${DEFAULT-VALUE}.")
    int unusedDays;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FailOn fail;
        try {
            fail = FailOn.parse(failOn);
        } catch (IllegalArgumentException e) {
            return usage(err, Printable.escape(e.getMessage()));
        }
        if (reports.size() == 1 && allowed == null) {
            return usage(err, "give BASELINE and CURRENT report folders, or CURRENT with --allowed FILE");
        }
        if (fail.needsPolicy() && allowed == null) {
            return usage(err, "--fail-on escaped/new-escaped/unused-allowed needs --allowed FILE");
        }
        if (!format.equals("text") && !format.equals("json")) {
            return usage(err, "--format must be text or json, not '" + format + "'");
        }
        Path baselineDir = reports.size() == 2 ? reports.get(0) : null;
        if (baselineDir != null && firstRun(baselineDir, reports.get(1))) {
            // a first night: nothing to compare with yet, which is not a failure; the policy is still checked
            stdout.printf("ucaudit diff: no baseline yet (%s does not exist; a first run?): nothing compared, %s%n",
                    Printable.escape(baselineDir.toString()), allowed == null ? "exit 0" : "only the policy is checked");
            baselineDir = null;
        }
        ReportFolder baseline = baselineDir != null ? ReportFolder.read(baselineDir) : null;
        ReportFolder current = ReportFolder.read(reports.get(reports.size() - 1));
        for (ReportFolder r : baseline == null ? List.of(current) : List.of(baseline, current)) {
            if (r.rowsNotWritten() > 0) {
                err.printf("ucaudit: warning: %s lists only part of its flows (%d not written, see --max-flow-rows); "
                        + "the diff covers the rows written%n", Printable.escape(r.dir().toString()), r.rowsNotWritten());
            }
        }
        Optional<PolicyCheck.Result> policy = Optional.empty();
        Optional<PolicyCheck.Result> baselinePolicy = Optional.empty();
        if (allowed != null) {
            CatalogOptions.Loaded loaded = catalogOptions.load(err);
            PolicyLoader loader = new PolicyLoader(loaded.catalog().roles());
            AllowedPolicy p = loader.load(allowed);
            if (!loader.problems().isEmpty() || !loaded.problems().isEmpty()) {
                for (CatalogProblem problem : loader.problems()) {
                    err.println("ucaudit: " + Printable.escape(problem.describe()));
                }
                err.println("ucaudit: fix the rows above; nothing was compared");
                err.flush();
                return 2;
            }
            PolicyCheck check = new PolicyCheck(p, loaded.catalog().roles());
            policy = Optional.of(check.check(current.flows()));
            if (baseline != null) {
                baselinePolicy = Optional.of(check.check(baseline.flows()));
            }
        }
        Instant runTime = current.windowEnd().map(Instant::parse).orElse(Instant.now());
        Path statePath = state != null ? state : current.dir().toAbsolutePath().getParent().resolve("ucaudit-state.json");
        OpeningHistory history = null;
        if (state != null || Files.exists(statePath)) {
            history = OpeningHistory.load(statePath);
        }
        String unusedNote = history == null ? " (no state file: run 'ucaudit audit --state FILE' to track unused days)" : "";
        OpeningHistory h = history;
        ReportDiff.Result result = ReportDiff.compare(baseline, current,
                u -> h == null ? Optional.empty() : h.daysUnused(u.key(), runTime), unusedDays, policy, baselinePolicy);
        if (policy.isPresent() && !fail.names().contains("new-escaped")) {
            // escaped flows are findings whenever a policy is checked (--fail-on none excepted), unless only new ones are asked for
            fail = fail.with("escaped");
        }
        List<String> failed = fail.failures(result);
        int status = failed.isEmpty() ? 0 : 1;
        DiffPages.Context ctx = new DiffPages.Context(baseline == null ? "" : baseline.dir().toString(),
                baseline == null ? 0 : baseline.flows().size(), current.dir().toString(), current.flows().size(),
                allowed == null ? "" : allowed.toString(), fail.names(), failed, status, unusedNote);
        Files.createDirectories(out);
        DiffCsv.write(out.resolve("diff.csv"), result.rows());
        DiffPages.writeHtml(out.resolve("diff.html"), result, ctx);
        stdout.print(format.equals("json") ? DiffJson.of(result, ctx) + "\n" : DiffPages.text(result, ctx));
        (format.equals("json") ? err : stdout).printf("ucaudit diff: written %s and %s%n", Printable.escape(out.resolve("diff.csv").toString()),
                Printable.escape(out.resolve("diff.html").toString()));
        stdout.flush();
        err.flush();
        return status;
    }

    /**
     * A baseline folder that does not exist beside a current report that does: the first run of a nightly job
     * (its parent folder exists, so the path is not mistyped beyond its last part).
     */
    static boolean firstRun(Path baseline, Path current) {
        Path parent = baseline.toAbsolutePath().normalize().getParent();
        return !Files.exists(baseline) && parent != null && Files.isDirectory(parent) && Files.isDirectory(current);
    }

    private static int usage(PrintWriter err, String message) {
        err.println("ucaudit: " + Printable.escape(message) + "; see 'ucaudit diff --help'");
        err.flush();
        return 2;
    }
}
