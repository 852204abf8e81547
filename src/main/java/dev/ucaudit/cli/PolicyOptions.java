package dev.ucaudit.cli;

import dev.ucaudit.text.Printable;
import dev.ucaudit.catalog.Roles;
import dev.ucaudit.engine.RecordedOptions;
import dev.ucaudit.run.ReportExtras;
import dev.ucaudit.policy.AllowedPolicy;
import dev.ucaudit.policy.PolicyLoader;
import dev.ucaudit.history.OpeningHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/** {@code audit --allowed FILE --state FILE}: the policy check and the unused-over-time history. */
final class PolicyOptions {
    @Option(names = "--allowed", paramLabel = "FILE",
            description = {"Allowed-flows file (the site's firewall policy: source,destination,protocol,ports,comment; a source or "
                + "destination is a role or an address/CIDR). Writes escaped.csv (flows it does not allow, with the nearest rule) "
                + "and unused-allowed.csv (rules no flow used) and a 'policy' section in summary.json; '--fail-on escaped' counts them."})
    Path allowed;

    @Option(names = "--state", paramLabel = "FILE",
            description = {"State file (e.g. reports/ucaudit-state.json) remembering when each catalog opening was last used across runs; "
                + "updated by this run, and unused-history.csv (unused.csv plus unused_for_days) is written into the report folder."})
    Path state;

    @Option(names = "--new-history",
            description = {"Start a new history in the --state file: its openings are forgotten. Needed when the catalog or the inventory",
                "differs from the one the state file tracks (a run with another one would mark every opening it no longer knows as used)."})
    boolean newHistory;

    /**
     * Fail closed: a state file that exists must load (it is loaded again, and updated, after the report is
     * written); a missing one is a first run.
     */
    private void checkState(OpeningHistory.Tracked tracked) {
        if (state == null) {
            if (newHistory) {
                throw new IllegalArgumentException("--new-history applies to a --state file; give one");
            }
            return;
        }
        if (Files.exists(state)) {
            if (Files.isDirectory(state) || !Files.isReadable(state)) {
                throw new IllegalArgumentException(state + ": the --state file cannot be read; nothing was audited");
            }
            // anything else is read, within the size limit of configuration files, and must be a state file
            OpeningHistory history = OpeningHistory.load(state);
            if (!newHistory) {
                history.refusal(state, tracked).ifPresent(refused -> {
                    throw new IllegalArgumentException(refused + "; nothing was audited");
                });
            }
            return;
        }
        // a missing state file is a first run: it is created after the report is written
    }

    /** Loads the policy (stopping with every bad row named) and checks --fail-on escaped has a policy to check. */
    ReportExtras prepare(Roles roles, List<String> failOn, RecordedOptions run) {
        OpeningHistory.Tracked tracked = new OpeningHistory.Tracked(run.get(RecordedOptions.CATALOG), run.get(RecordedOptions.INVENTORY));
        boolean failOnEscaped = failOn.stream().anyMatch(f -> f.toLowerCase(Locale.ROOT).equals("escaped"));
        if (failOnEscaped && allowed == null) {
            throw new IllegalArgumentException("--fail-on escaped needs --allowed FILE");
        }
        AllowedPolicy policy = null;
        if (allowed != null) {
            PolicyLoader loader = new PolicyLoader(roles);
            policy = loader.load(allowed);
            if (!loader.problems().isEmpty()) {
                throw new ProblemList(loader.problems().stream().map(p -> Printable.escape(p.describe()))
                        .collect(Collectors.joining("\nucaudit: ")) + "\nucaudit: fix the allowed-flows rows above; nothing was audited");
            }
        }
        checkState(tracked);
        return new ReportExtras(policy, roles, state, tracked, newHistory);
    }
}
