package dev.ucaudit.cli;

import java.util.Locale;
import dev.ucaudit.audit.ScanDetector;
import dev.ucaudit.decode.Decapsulation;
import dev.ucaudit.engine.AuditSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by {@code audit} and {@code live}. */
final class AuditOptions {
    @Option(names = "--inventory", paramLabel = "FILE",
            description = "Inventory CSV (address,role,name; address is an IP or CIDR prefix; the longest prefix wins). Without it flows are classified by port alone.")
    Path inventory;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "ucaudit-report",
            description = "Report folder (flows.csv, conversations.csv, unused.csv, summary.json, report.html). Default: ${DEFAULT-VALUE}/")
    Path out;

    @Option(names = "--filter", paramLabel = "BPF", description = "Only packets matching this BPF expression (libpcap syntax), e.g. 'not port 22'.")
    String filter;

    @Option(names = "--fail-on", paramLabel = "WHAT", split = ",", defaultValue = "undocumented",
            completionCandidates = Candidates.AuditFailOn.class,
            description = {"Findings that make the exit status 1 (comma-separated): undocumented, port-only (flows whose port matches a row whose roles no inventory confirms), unused, problems, escaped (needs --allowed), none.",
                "Default: ${DEFAULT-VALUE}."})
    List<String> failOn = new ArrayList<>();

    @Option(names = "--max-flows", paramLabel = "N", defaultValue = "1000000",
            description = "Most flows tracked at once; the least recently used beyond this is finished early and still reported. Default: ${DEFAULT-VALUE}.")
    long maxFlows;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "A flow idle this long (capture time) is finished; a later packet starts a new flow. Default: ${DEFAULT-VALUE}.")
    long idleTimeoutSeconds;

    @Option(names = "--max-flow-rows", paramLabel = "N", defaultValue = "200000",
            description = "Most rows written to flows.csv; beyond this flows are still counted in conversations and summary.json. Default: ${DEFAULT-VALUE}.")
    int maxFlowRows;

    @Option(names = "--list-scan-flows",
            description = {"Write the probes of recognized scans (one initiator sending short (at most " + ScanDetector.PROBE_PACKETS
                    + " packets), unanswered or refused flows to " + ScanDetector.PORT_THRESHOLD + "+ ports or about "
                    + ScanDetector.THRESHOLD + "+ hosts)",
                "to flows.csv like any flow (up to --max-flow-rows). By default a scan is summarized in summary.json and report.html, and its probes are counted but not listed."})
    boolean listScanFlows;

    @Option(names = "--max-conversations", paramLabel = "N", defaultValue = "500000",
            description = "Most host pairs kept with their own row in conversations.csv; flows of further pairs are still counted in every total and in summary.json. Default: ${DEFAULT-VALUE}.")
    int maxConversations;

    @Option(names = "--no-inspection",
            description = "Do not read signalling (SIP, SCCP, H.225, MGCP, TFTP): media and data flows are then classified by port alone.")
    boolean noInspection;

    @Option(names = "--decapsulate", paramLabel = "auto|none", defaultValue = "auto",
            completionCandidates = Candidates.Decapsulate.class,
            description = {"auto: open GRE (IPv4, IPv6, Ethernet, PPP, ERSPAN I/II/III), VXLAN and IP-in-IP tunnels and audit the flows inside;",
                "each tunnel is listed once in summary.json's tunnels section. none: a tunnel is one flow (gre, ip-4, ...). Default: ${DEFAULT-VALUE}."})
    String decapsulate;

    @Option(names = "--vxlan-port", paramLabel = "PORT", split = ",",
            description = "UDP port(s) carrying VXLAN, opened with --decapsulate auto. Default: 4789.")
    List<Integer> vxlanPorts = new ArrayList<>();

    @Option(names = "--no-probing",
            description = {"Do not look at the first payload bytes of flows on ports the catalog gives no inspector",
                "for SIP, SCCP, H.225, MGCP or TFTP (see README: protocols found by content)."})
    boolean noProbing;

    Decapsulation decapsulation() {
        switch (decapsulate == null ? "auto" : decapsulate.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> {
                return new Decapsulation(true, vxlanPorts.isEmpty() ? new int[] {Decapsulation.VXLAN_PORT}
                        : vxlanPorts.stream().mapToInt(Integer::intValue).toArray());
            }
            case "none" -> {
                return Decapsulation.NONE;
            }
            default -> throw new IllegalArgumentException("--decapsulate '" + decapsulate + "' is not auto or none");
        }
    }

    @Option(names = "--top", paramLabel = "N", defaultValue = "10",
            description = "After the summary, show the N largest groups of undocumented flows (roles, port, reason, counts, an example pair); 0 shows none. Default: ${DEFAULT-VALUE}.")
    int top;

    @Option(names = {"-q", "--quiet"},
            description = "Print nothing but errors: no progress, no summary (the report folder and the exit status say the rest).")
    boolean quiet;

    /** Refuses {@code --out -}: the report is a folder of files, not one stream (use --format jsonl for a stream). */
    void checkOut(picocli.CommandLine cmd) {
        if (out.toString().equals("-")) {
            throw new picocli.CommandLine.ParameterException(cmd, "--out names the report folder and cannot be - (standard output);"
                    + " for flows on standard output use --format jsonl");
        }
    }

    /** Longest --idle-timeout: a year (a larger one overflowed as "long overflow" in nanoseconds). */
    static final long MAX_IDLE_SECONDS = 366L * 24 * 3600;

    /** Rejects values picocli accepts as numbers or lists but that mean nothing (each a one-line error). */
    void check() {
        if (failOn.isEmpty() || failOn.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("--fail-on has an empty item (as in '--fail-on ,'); give one or more of"
                    + " undocumented, port-only, unused, problems, escaped, none, separated by commas");
        }
        if (idleTimeoutSeconds > MAX_IDLE_SECONDS) {
            throw new IllegalArgumentException("--idle-timeout " + idleTimeoutSeconds + " is too long: at most "
                    + MAX_IDLE_SECONDS + " seconds (a year)");
        }
        if (maxFlowRows < 0) {
            throw new IllegalArgumentException("--max-flow-rows " + maxFlowRows + " is negative: give 0 or more");
        }
        if (maxFlows < 1) {
            throw new IllegalArgumentException("--max-flows " + maxFlows + ": give 1 or more");
        }
        if (maxConversations < 0) {
            throw new IllegalArgumentException("--max-conversations " + maxConversations + " is negative: give 0 or more");
        }
    }

    Duration idleTimeout() {
        return Duration.ofSeconds(Math.max(1, idleTimeoutSeconds));
    }

    /** The settings these options give (the pinhole lifetime has no option: its default). */
    AuditSettings settings() {
        return AuditSettings.builder().idleTimeout(idleTimeout()).maxFlows(maxFlows).maxFlowRows(maxFlowRows)
                .listScanFlows(listScanFlows).maxConversations(maxConversations).inspection(!noInspection).probing(!noProbing)
                .decapsulation(decapsulation()).build();
    }
}
