package dev.ucaudit.cli;

import dev.ucaudit.synth.Floods;
import dev.ucaudit.synth.HostileFiles;
import dev.ucaudit.synth.SignallingFloods;
import java.io.PrintWriter;
import dev.ucaudit.synth.LabSite;
import dev.ucaudit.synth.MediaHeavySite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = Version.class,
        exitCodeListHeading = "Exit status:%n", exitCodeList = {"0:written", "2:bad usage or a file that cannot be written"},
        description = {"Write a generated sample capture and its inventory (how captures/ was made).",
            "Scenarios: lab-site (a small CUCM site: SCCP/SIP phones, a call with RTP, TFTP, LDAP, NTP, DNS, HTTPS, MGCP, H.225, and flows that break the catalog);",
            "media-heavy (benchmarks: --packets N, mostly RTP of SIP and SCCP calls, with TFTP, LDAP and HTTPS);",
            "syn-scan (--flows N distinct TCP SYN probes from one scanner, default 1000000); udp-spray (one datagram to each of the 65,536 UDP ports of one host);",
            "hostile (the inputs of docs/reliability.md's floods: huge SIP Call-IDs, half-sent SIP over TCP, 200,000 host pairs, pcapng fake block headers and 30 M interfaces, a gzip bomb)."})
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", completionCandidates = Candidates.Scenarios.class, description = "lab-site, media-heavy, syn-scan, udp-spray or hostile")
    String scenario;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "ucaudit-generated",
            description = "Folder to write into (captures/ regenerates the bundled sample). Default: ${DEFAULT-VALUE}/ in the current folder.")
    Path out;

    @Option(names = "--packets", paramLabel = "N", defaultValue = "2000000",
            description = "media-heavy: about how many packets to write. Default: ${DEFAULT-VALUE}")
    long packets;

    @Option(names = "--call-packets", paramLabel = "N", defaultValue = "600",
            description = "media-heavy: RTP packets per call, both directions (600 = a 6-second call at 50 packets/s each way). Default: ${DEFAULT-VALUE}")
    int callPackets;

    @Option(names = "--flows", paramLabel = "N", defaultValue = "1000000",
            description = "syn-scan: how many distinct flows. Default: ${DEFAULT-VALUE}")
    long flows;

    @Override
    public Integer call() throws Exception {
        if (flows < 1 || packets < 1 || callPackets < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--flows, --packets and --call-packets must be 1 or more");
        }
        if (scenario.equals("syn-scan") || scenario.equals("udp-spray")) {
            Files.createDirectories(out);
            boolean syn = scenario.equals("syn-scan");
            Path pcap = out.resolve(syn ? "syn-scan-" + flows + ".pcap" : "udp-spray.pcap");
            long written = syn ? Floods.synScan(pcap, flows) : Floods.udpSpray(pcap);
            spec.commandLine().getOut().printf("wrote %s (%d packets)%n", pcap, written);
            return 0;
        }
        if (scenario.equals("hostile")) {
            return hostile();
        }
        if (scenario.equals("media-heavy")) {
            Files.createDirectories(out);
            Path pcap = out.resolve("media-heavy-" + packets
                    + (callPackets == MediaHeavySite.DEFAULT_CALL_PACKETS ? "" : "-calls" + callPackets) + ".pcap");
            long written = MediaHeavySite.write(pcap, packets, callPackets);
            Files.writeString(out.resolve("media-heavy-inventory.csv"), MediaHeavySite.INVENTORY);
            spec.commandLine().getOut().printf("wrote %s (%d packets) and %s%n", pcap, written, out.resolve("media-heavy-inventory.csv"));
            return 0;
        }
        if (!scenario.equals("lab-site")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "unknown scenario '" + scenario + "' (known: lab-site, media-heavy, syn-scan, udp-spray, hostile)");
        }
        Files.createDirectories(out);
        Path pcap = out.resolve("lab-site.pcap");
        Path inventory = out.resolve("lab-site-inventory.csv");
        LabSite.write(pcap, inventory);
        spec.commandLine().getOut().printf("wrote %s and %s%n", pcap, inventory);
        return 0;
    }

    /** The hostile inputs of the flood runs, each named after what it attacks. */
    private int hostile() throws Exception {
        Files.createDirectories(out);
        PrintWriter o = spec.commandLine().getOut();
        Path p = out.resolve("hostile-sip-invites.pcap");
        o.printf("wrote %s (%d packets)%n", p, SignallingFloods.sipInvites(p, 300, 15_000, 64, 20));
        p = out.resolve("hostile-sip-half-sent.pcap");
        o.printf("wrote %s (%d packets)%n", p, SignallingFloods.sipHalfSent(p, 2_500, 40_000, 30_000));
        p = out.resolve("hostile-host-pairs.pcap");
        o.printf("wrote %s (%d packets)%n", p, Floods.hostPairs(p, 200_000));
        p = out.resolve("hostile-pcapng-resync.pcapng");
        o.printf("wrote %s (%d bytes)%n", p, HostileFiles.pcapngFakeHeaders(p, 12L << 20));
        p = out.resolve("hostile-pcapng-interfaces.pcapng.gz");
        o.printf("wrote %s (%d bytes)%n", p, HostileFiles.pcapngManyInterfaces(p, 30_000_000L));
        p = out.resolve("hostile-gzip-bomb.pcap.gz");
        o.printf("wrote %s (%d bytes)%n", p, HostileFiles.gzipBomb(p, 256L << 20));
        return 0;
    }
}
