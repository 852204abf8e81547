package dev.ucaudit.cli;

import dev.ucaudit.text.Printable;
import dev.ucaudit.engine.PartialAudit;
import java.io.IOException;
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
        PrintStream errStream = new PrintStream(new WriterOutputStream(err), true);
        AuditSession session = new AuditSession(catalogOptions, options, err, errStream);
        session.extras = policyOptions.prepare(session.catalog.roles(), options.failOn);
        // fail closed: every partial is read before anything is written
        PartialAudit whole = PartialAudit.empty();
        for (Path report : reports) {
            try {
                whole = PartialAudit.merge(whole, PartialFiles.read(report));
            } catch (IOException e) {
                err.println("ucaudit: " + Printable.escape(e.getMessage()) + "; nothing was merged and " + Printable.escape(options.out.toString()) + " was left as it was");
                err.flush();
                return 2;
            }
        }
        session.partialFile = PartialFiles.written(options.out, whole);
        session.engine.replay(whole);
        errStream.flush();
        return session.finishAndWrite("offline", options.out, Map.of(), options.quiet ? ProgressLine.discard() : out, err);
    }
}
