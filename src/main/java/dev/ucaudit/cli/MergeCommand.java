package dev.ucaudit.cli;

import dev.ucaudit.text.Printable;
import dev.ucaudit.engine.PartialAudit;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import dev.ucaudit.engine.PartialBudget;
import dev.ucaudit.engine.RecordedOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ucaudit merge}: joins reports written with {@code audit --partial} (several sensors, several
 * days) into one report, the same as one audit of all their captures: flows crossing from one
 * report's captures into the next are joined, media is tied to signalling seen in another report,
 * and everything is classified once, after the merge.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Merge reports written with --partial (audit, live, spark) into one report: the report one audit of all"
            + " their captures gives. Captures are read in order of their place in each run, runs by the name of their first capture."
            + " The merged report holds partial.bin.gz too, so merges can be merged again. Catalog, inventory and options apply as in audit."},
        versionProvider = Version.class, exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:nothing selected by --fail-on (by default: no undocumented flow)", "1:findings selected by --fail-on",
            "2:bad usage, an unusable input (nothing written), a report marked INCOMPLETE (some input not read in full), or a crash"})
final class MergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOptions catalogOptions = new CatalogOptions();

    @Mixin
    AuditOptions options = new AuditOptions();

    @Mixin
    PolicyOptions policyOptions = new PolicyOptions();

    @Parameters(paramLabel = "REPORT", arity = "1..*",
            description = "Report folders holding partial.bin.gz (written by audit --partial or merge), or such files.")
    List<Path> reports = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        options.checkOut(spec.commandLine());
        if (options.filter != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--filter applies when captures are read: give it to audit, not to merge");
        }
        try (OutFolder claimed = OutFolder.claim(options.out, policyOptions.state, false)) {
            return merge();
        }
    }

    private int merge() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // fail closed: every partial is read before anything is written; each file once by its bytes
        List<PartialAudit> partials = new ArrayList<>();
        Map<String, Path> readByDigest = new HashMap<>();
        PartialBudget budget = PartialBudget.ofHeap();
        PartialFiles.Read first = null;
        for (Path report : reports) {
            PartialFiles.Read read;
            try {
                read = PartialFiles.read(report, budget);
            } catch (IOException e) {
                return refuse(err, e.getMessage());
            }
            Path sameAs = readByDigest.putIfAbsent(read.digest(), read.file());
            if (sameAs != null) {
                err.println("ucaudit: warning: " + read.file() + " holds the same partial audit as " + sameAs + "; it is read once");
                continue;
            }
            RecordedOptions recorded = read.partial().options().orElseThrow();
            if (first == null) {
                first = read;
            } else {
                String diff = first.partial().options().orElseThrow().firstDifference(recorded, first.file().toString(),
                        read.file().toString(), null).orElse(null);
                if (diff != null) {
                    return refuse(err, diff + ": partials recorded with different options cannot give one audit's report;"
                            + " audit their captures again with the same options");
                }
            }
            partials.add(read.partial());
        }
        RecordedOptions recorded = first.partial().options().orElseThrow();
        MergeOptions.Adopted adopted;
        try {
            adopted = MergeOptions.takeRecorded(spec.commandLine().getParseResult(), options, recorded);
        } catch (IllegalArgumentException e) {
            return refuse(err, first.file() + ": damaged partial audit: " + e.getMessage());
        }
        String taken = adopted.taken();
        PrintStream errStream = new PrintStream(new WriterOutputStream(err), true);
        AuditSession session = new AuditSession(catalogOptions, options, adopted.settings(), err, errStream);
        RecordedOptions used = RecordedOptions.of(session.engine.config());
        String refused = MergeOptions.refusal(recorded, used, first.file());
        if (refused != null) {
            return refuse(err, refused);
        }
        if (!taken.isEmpty() && !options.quiet) {
            err.println("ucaudit: merged with the options the partials were recorded with: " + taken);
        }
        session.extras = policyOptions.prepare(session.catalog.roles(), options.failOn,
                RecordedOptions.of(session.engine.config()));
        PartialAudit whole = PartialAudit.mergeAll(partials).recordedWith(used);
        session.partialFile = PartialFiles.written(options.out, whole);
        session.engine.replay(whole);
        errStream.flush();
        return session.finishAndWrite("offline", options.out, Map.of(), options.quiet ? ProgressLine.discard() : out, err);
    }

    private int refuse(PrintWriter err, String message) {
        err.println("ucaudit: " + message + "; nothing was merged and " + options.out + " was left as it was");
        err.flush();
        return 2;
    }
}
