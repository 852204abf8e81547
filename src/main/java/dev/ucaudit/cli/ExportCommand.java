package dev.ucaudit.cli;

import dev.ucaudit.report.SummaryKeys;
import dev.ucaudit.text.Printable;
import dev.ucaudit.catalog.CatalogProblem;
import dev.ucaudit.diff.ReportFolder;
import dev.ucaudit.export.AclWriters;
import dev.ucaudit.export.DraftRule;
import dev.ucaudit.export.ExportFiles;
import dev.ucaudit.export.InventoryDraft;
import dev.ucaudit.export.PolicyDraft;
import dev.ucaudit.inventory.InventoryEntry;
import dev.ucaudit.inventory.InventoryLoader;
import dev.ucaudit.report.AtomicFile;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write drafts of a site's policy from a report folder's documented flows, for a person to review.",
            "The drafts: allowed-draft.csv (an allowed-flows file, by role, media/ephemeral port ranges collapsed), asa-acl.txt (Cisco ASA "
                + "object-groups and access-list lines), nftables.nft (an nftables ruleset), and inventory-draft.csv (the roles the "
                + "audit learned from what hosts said: registrations, TFTP reads of phone files, DHCP option 150, CDP/LLDP ...; each "
                + "row with its confidence and evidence, the phones of a subnet as one prefix row)."},
        versionProvider = Version.class, exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:written", "2:bad usage or unreadable input, or a report marked INCOMPLETE (the drafts are written, marked so, and the first line on stdout says why: they cover only the traffic the audit read)"})
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOptions catalogOptions = new CatalogOptions();

    @Parameters(paramLabel = "REPORT_DIR", description = "Report folder written by 'ucaudit audit'.")
    Path report;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "ucaudit-export", description = "Folder to write into. Default: ${DEFAULT-VALUE}/")
    Path out;

    @Option(names = "--inventory", paramLabel = "FILE",
            description = "Inventory whose prefixes fill the ACLs' role groups (e.g. a voice VLAN rather than each phone seen). Without it, the hosts seen.")
    Path inventory;

    @Option(names = "--acl-name", paramLabel = "NAME", defaultValue = "UCAUDIT-ALLOWED", description = "ASA access-list name. Default: ${DEFAULT-VALUE}")
    String aclName;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!aclName.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,240}")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--acl-name must be letters, digits, '_', '.', '-' (at most 241), not '" + aclName.replaceAll("\\p{Cntrl}", "?") + "'");
        }
        ReportFolder folder = ReportFolder.read(report);
        List<InventoryEntry> entries = List.of();
        CatalogOptions.Loaded loaded = catalogOptions.load(err);
        if (inventory != null) {
            InventoryLoader loader = new InventoryLoader();
            entries = loader.load(inventory, loaded.catalog().roles()).entries();
            if (!loader.problems().isEmpty()) {
                for (CatalogProblem p : loader.problems()) {
                    err.println("ucaudit: " + Printable.escape(p.describe()));
                }
                err.flush();
                return 2;
            }
        }
        List<String> incomplete = incompleteReasons(folder);
        String origin = incomplete.isEmpty() ? report.toString() : report + " (an INCOMPLETE report: drafts of the traffic it read)";
        if (!incomplete.isEmpty()) {
            stdout.println("ucaudit: INCOMPLETE: " + report + " does not cover all its input: " + String.join("; ", incomplete));
        }
        List<DraftRule> rules = PolicyDraft.from(folder.flows(), loaded.catalog());
        Map<String, Set<String>> members = PolicyDraft.members(rules, folder.flows(), entries);
        InventoryDraft.Draft draft = InventoryDraft.from(folder.summary()); // learned roles (issue 21)
        Files.createDirectories(out);
        ExportFiles.writeAllowedDraft(out.resolve("allowed-draft.csv"), rules, origin);
        String asa = AclWriters.asa(rules, members, aclName, origin);
        AtomicFile.write(out.resolve("asa-acl.txt"), w -> w.write(asa));
        String nft = AclWriters.nftables(rules, members, origin);
        AtomicFile.write(out.resolve("nftables.nft"), w -> w.write(nft));
        ExportFiles.writeInventoryDraft(out.resolve("inventory-draft.csv"), draft, origin);
        long documented = folder.flows().stream().filter(f -> f.documented()).count();
        stdout.printf("ucaudit export: %d documented flows of %d → %d draft rules; %d inventory rows from learned roles%n",
                documented, folder.flows().size(), rules.size(), draft.rows().size());
        stdout.printf("ucaudit export: wrote allowed-draft.csv, asa-acl.txt, nftables.nft, inventory-draft.csv into %s (drafts: review before use)%n", out);
        stdout.flush();
        if (!incomplete.isEmpty()) {
            err.println("ucaudit: the report is incomplete: the drafts cover only the traffic it read (exit status 2)");
            err.flush();
            return 2;
        }
        return 0;
    }

    /** Why summary.json says the report is incomplete (complete: false); empty when complete. */
    private static List<String> incompleteReasons(ReportFolder folder) {
        if (folder.summary().isEmpty() || folder.summary().get().path(SummaryKeys.COMPLETE).asBoolean(true)) {
            return List.of();
        }
        List<String> reasons = new ArrayList<>();
        folder.summary().get().path(SummaryKeys.INCOMPLETE_REASONS).forEach(r -> reasons.add(r.asText()));
        return reasons.isEmpty() ? List.of("summary.json says complete: false") : reasons;
    }
}
