package dev.ucaudit.cli;

import dev.ucaudit.report.SummaryKeys;
import dev.ucaudit.text.Printable;
import dev.ucaudit.audit.RunCounts;
import dev.ucaudit.audit.ScanDetector;
import dev.ucaudit.report.FindingGroups;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import dev.ucaudit.audit.AuditResult;
import dev.ucaudit.inspect.FlowInspection;
import dev.ucaudit.audit.UnusedOpening;
import dev.ucaudit.audit.UnusedOpenings;
import dev.ucaudit.catalog.Catalog;
import dev.ucaudit.catalog.CatalogProblem;
import dev.ucaudit.roles.RoleCheck;
import dev.ucaudit.engine.AuditConfig;
import dev.ucaudit.engine.AuditEngine;
import dev.ucaudit.audit.FlowRecord;
import dev.ucaudit.engine.AuditOutcome;
import dev.ucaudit.engine.AuditSettings;
import dev.ucaudit.run.ReportExtras;
import dev.ucaudit.run.ReportRun;
import dev.ucaudit.engine.EngineSink;
import dev.ucaudit.inventory.Inventory;
import dev.ucaudit.inventory.InventoryLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One audit's set-up and ending, shared by {@code audit}, {@code live}, {@code merge} and {@code spark}: loads
 * catalog and inventory, configures the {@link AuditEngine}, then has {@link ReportRun} write the report folder
 * and decide the exit status, and tells the user what it found.
 */
final class AuditSession {

    final Catalog catalog;
    final List<CatalogProblem> catalogProblems;
    final Inventory inventory;
    final List<CatalogProblem> inventoryProblems;
    final AuditEngine engine;
    /** The engine's sink, for the commands that feed it packets and read its counters. */
    final EngineSink sink;
    final AuditOptions options;
    /** Writes the report and decides the exit status. */
    private final ReportRun reportRun;
    /** The unused openings of the last {@link #finishAndWrite}, for the live command's cumulative view. */
    List<UnusedOpening> lastUnused = List.of();
    /** The flow rows of the last {@link #finishAndWrite} ({@code --format jsonl}). */
    List<FlowRecord> lastRows = List.of();

    /** A partial audit written while reading (audit --partial, merge): moved into the report as partial.bin.gz. */
    Path partialFile;
    /** The name a report folder gives its partial audit. */
    static final String PARTIAL = ReportRun.PARTIAL;

    /** Policy check and unused-over-time history (audit --allowed/--state); NONE unless the command sets it. */
    ReportExtras extras = ReportExtras.NONE;

    AuditSession(CatalogOptions catalogOptions, AuditOptions options, PrintWriter err, PrintStream errStream) {
        this(catalogOptions, options, err, errStream, UnaryOperator.identity());
    }

    /** {@code wrapInspection} may decorate the inspection (the live command adds its loss estimate). */
    AuditSession(CatalogOptions catalogOptions, AuditOptions options, PrintWriter err, PrintStream errStream,
                 UnaryOperator<FlowInspection> wrapInspection) {
        this(catalogOptions, options, null, err, errStream, wrapInspection);
    }

    /** With {@code settings} other than the options' (merge, spark: those partials were recorded with); null: the options'. */
    AuditSession(CatalogOptions catalogOptions, AuditOptions options, AuditSettings settings, PrintWriter err, PrintStream errStream) {
        this(catalogOptions, options, settings, err, errStream, UnaryOperator.identity());
    }

    private AuditSession(CatalogOptions catalogOptions, AuditOptions options, AuditSettings settings, PrintWriter err,
                         PrintStream errStream, UnaryOperator<FlowInspection> wrapInspection) {
        this.options = options;
        options.check();
        for (String f : options.failOn) {
            if (!ReportRun.FAIL_ON.contains(f.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("--fail-on '" + f + "' is not one of undocumented, unused, problems, escaped, none");
            }
        }
        CatalogOptions.Loaded loaded = catalogOptions.load(err);
        this.catalog = loaded.catalog();
        this.catalogProblems = loaded.problems();
        if (options.inventory != null) {
            InventoryLoader loader = new InventoryLoader();
            this.inventory = loader.load(options.inventory, catalog.roles());
            this.inventoryProblems = loader.problems();
            for (CatalogProblem p : inventoryProblems) {
                err.println("ucaudit: " + Printable.escape(p.describe()));
            }
        } else {
            this.inventory = Inventory.empty(catalog.roles());
            this.inventoryProblems = List.of();
        }
        err.flush();
        ReportRun.refuseUnusable(catalogProblems, "catalog");
        ReportRun.refuseUnusable(inventoryProblems, "inventory");
        AuditConfig config = new AuditConfig(catalog, inventory, settings == null ? options.settings() : settings);
        this.engine = new AuditEngine(config, new ProblemLines(errStream), wrapInspection, pinholeUpkeep());
        this.reportRun = new ReportRun(catalog, catalogProblems, inventory, inventoryProblems, options.failOn);
        this.sink = engine.sink();
    }

    /**
     * The pinhole table's upkeep, off the analysis thread: one daemon thread of this run's own, started
     * when there is work and gone after a second without (so nothing needs shutting down).
     */
    private static Executor pinholeUpkeep() {
        ThreadPoolExecutor upkeep = new ThreadPoolExecutor(0, 1, 1,
                TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
                    Thread t = new Thread(task, "ucaudit-pinhole-upkeep");
                    t.setDaemon(true);
                    return t;
                });
        return upkeep;
    }

    /**
     * Inputs of which nothing could be used: not opened, or damaged so that no packet was read. Fail closed:
     * the run then writes no report.
     */
    List<String> unusableInputs() {
        return unusableInputs(engine.stats());
    }

    /** The inputs of {@code stats} of which nothing could be used. */
    static List<String> unusableInputs(RunCounts stats) {
        return ReportRun.unusableInputs(stats);
    }

    /** Finishes the flows, writes the report into {@code dir}, returns the exit status. */
    int finishAndWrite(String mode, Path dir, Map<String, Object> capture, PrintWriter out, PrintWriter err) throws IOException {
        return write(engine.finish(), mode, dir, capture, out, err);
    }

    /**
     * Live rotation: reports the period that ends (open flows with their packets of the period) into
     * {@code dir}, and starts the next period with the flows, pinholes and inspection kept.
     */
    int cutAndWrite(String mode, Path dir, Map<String, Object> capture, PrintWriter out, PrintWriter err) throws IOException {
        return write(engine.cutPeriod(), mode, dir, capture, out, err);
    }

    /** Writes the report of an outcome the engine gave elsewhere (the spark command's) into {@code dir}; returns the exit status. */
    int write(AuditOutcome outcome, String mode, Path dir, Map<String, Object> capture, PrintWriter out,
                      PrintWriter err) throws IOException {
        List<UnusedOpening> unused = outcome.unused();
        lastUnused = unused;
        lastRows = outcome.result().rows();
        ReportRun.Written written = reportRun.write(outcome, extras, partialFile, mode, dir, capture);
        if (dir != null) {
            partialFile = null; // moved into the report
        }
        List<String> incomplete = written.incomplete();
        int status = written.status();
        AuditResult r = outcome.result();
        if (!incomplete.isEmpty()) {
            out.printf(Locale.ROOT, "ucaudit: INCOMPLETE: this report does not cover all its input: %s%n",
                    Printable.escape(String.join("; ", incomplete)));
        }
        out.printf(Locale.ROOT, "ucaudit: %d packets, %d flows: %d documented, %d undocumented, %d port-only; %d conversation pairs; %d unused openings%s%n",
                outcome.stats().packets(), r.flows(), r.documented(), r.undocumented(), r.portOnly(), r.conversationsUnordered().size(),
                unused.size(), inventory.isPresent() ? "" : " (no inventory: a flow whose row needs roles is port-only)");
        if (r.pairsNotListed() > 0) {
            out.printf(Locale.ROOT, "ucaudit: %,d more host pairs (%,d flows, %,d undocumented) beyond --max-conversations %,d: counted, not listed in conversations.csv%n",
                    r.pairsNotListed(), r.flowsOfUnlistedPairs(), r.undocumentedFlowsOfUnlistedPairs(), r.maxConversations());
        }
        for (ScanDetector.Entry scan : r.scans()) {
            out.println("ucaudit: scan: " + Printable.escape(scan.describe()));
        }
        RolesText.print(out, RoleCheck.check(r.evidence(), inventory, catalog.roles()), inventory.isPresent(), options.top, r);
        if (r.scanFlowsSummarized() > 0) {
            out.printf(Locale.ROOT, "ucaudit: %,d scan probes summarized, not written to flows.csv (--list-scan-flows lists them)%n",
                    r.scanFlowsSummarized());
        }
        if (r.flowsNotListed() > 0) {
            out.printf(Locale.ROOT, "ucaudit: flows.csv holds %,d rows (--max-flow-rows); %,d more flows are counted but not listed%n",
                    r.flows() - r.flowsNotListed() - r.scanFlowsSummarized(), r.flowsNotListed());
        }
        if (outcome.stats().undecodableTotal() > 0 || outcome.stats().problemsTotal() > 0) {
            out.printf(Locale.ROOT, "ucaudit: %d packets not decodable, %d read problems (see summary.json)%n",
                    outcome.stats().undecodableTotal(), outcome.stats().problemsTotal());
        }
        long summarisedRules = UnusedOpenings.summarisedRules(unused);
        if (summarisedRules > 0) {
            err.printf(Locale.ROOT, "ucaudit: bound reached: the unused openings of %,d rules are summarised per prefix in unused.csv"
                    + " (more than %,d inventory entries each)%n", summarisedRules, UnusedOpenings.MAX_ROWS_PER_RULE);
        }
        if (outcome.inspection().get(FlowInspection.BOUNDS_HIT) instanceof List<?> hit) {
            for (Object line : hit) {
                err.println("ucaudit: bound reached: " + Printable.escape(String.valueOf(line)));
            }
            err.flush();
        }
        written.extraLines().forEach(line -> out.println(Printable.escape(line)));
        FindingsText.print(out, FindingGroups.of(r.rows()), options.top);
        out.printf("ucaudit: %s%n", dir == null ? "no report folder written (flows on standard output; --out DIR writes one)"
                : "report written to " + Printable.escape(dir.resolve("report.html").toString()));
        out.flush();
        if (status == 2) {
            err.println("ucaudit: some input could not be read (messages above); the report covers what was read");
            err.flush();
        }
        return status;
    }
}
