package dev.ucaudit.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.capture.PcapWriter;
import dev.ucaudit.testing.Cli;
import dev.ucaudit.synth.Host;
import dev.ucaudit.synth.Messages;
import dev.ucaudit.synth.Wire;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three TFTP reads from client ports 3865, 4017 and 14824 (generated): the data flows are documented by
 * the read requests, and no draft (allowed-draft.csv, ASA, nftables) pins one of those client-chosen
 * ports as a fixed port.
 */
class DynamicPortsExportTest {
    @TempDir
    Path dir;

    @Test
    void clientChosenPortsAreNeverFixedPortsInTheDrafts() throws Exception {
        Host phone = Host.of("p", "10.20.0.21", 1, -1);
        Host tftp = Host.of("t", "10.10.1.11", 2, -1);
        Path pcap = dir.resolve("tftp.pcap");
        int[] clientPorts = {3865, 4017, 14824};
        try (Wire w = new Wire(PcapWriter.create(pcap, 1, false), 1_700_000_000_000_000_000L)) {
            int serverPort = 40000;
            for (int client : clientPorts) {
                w.udp(phone, client, tftp, 69, Messages.tftpReadRequest("SEP0001.cnf.xml"));
                w.udp(tftp, serverPort, phone, client, Messages.tftpData(1, 100));
                w.udp(phone, client, tftp, serverPort, Messages.tftpAck(1));
                serverPort++;
            }
        }
        Path inv = dir.resolve("inv.csv");
        Files.writeString(inv, "address,role,name\n10.20.0.0/24,phone,phones\n10.10.1.11,cucm-subscriber,sub\n");
        Path report = dir.resolve("report");
        Cli a = Cli.run("audit", "--inventory", inv.toString(), "--out", report.toString(), pcap.toString());
        assertEquals(0, a.exit(), a.err());
        assertTrue(Files.readString(report.resolve("flows.csv")).contains("TFTP data of read request"), "data flows negotiated");
        Path export = dir.resolve("export");
        Cli e = Cli.run("export", report.toString(), "--out", export.toString(), "--inventory", inv.toString());
        assertEquals(0, e.exit(), e.err());
        String allowed = Files.readString(export.resolve("allowed-draft.csv"));
        String asa = Files.readString(export.resolve("asa-acl.txt"));
        String nft = Files.readString(export.resolve("nftables.nft"));
        for (int client : clientPorts) {
            String p = Integer.toString(client);
            assertFalse(asa.contains("eq " + p), "ASA pins " + p + ":\n" + asa);
            assertFalse(nft.matches("(?s).*dport[^\n]*\\b" + p + "\\b.*"), "nftables pins " + p + ":\n" + nft);
            assertFalse(allowed.matches("(?s).*[,;]" + p + "[,;\n].*"), "allowed-draft.csv pins " + p + ":\n" + allowed);
        }
        assertTrue(asa.contains("eq 69"), "the listening TFTP port stays fixed:\n" + asa);
    }
}
