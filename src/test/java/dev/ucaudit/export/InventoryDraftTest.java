package dev.ucaudit.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.synth.Messages;
import dev.ucaudit.synth.RoleMessages;
import dev.ucaudit.testing.Cli;
import dev.ucaudit.testing.EngineHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** export's inventory-draft.csv from learned roles: prefix rows for phone subnets, named-only addresses, liars as comments. */
class InventoryDraftTest {
    @TempDir
    Path dir;

    private static byte[] register(String phone, int port, String cucm, String name) {
        String[] o = phone.split("\\.");
        byte[] ip = {(byte) Integer.parseInt(o[0]), (byte) Integer.parseInt(o[1]), (byte) Integer.parseInt(o[2]), (byte) Integer.parseInt(o[3])};
        return EngineHarness.tcp4(phone, port, cucm, 2000, 0x18, Messages.sccpRegister(name, ip));
    }

    private static byte[] ack(String cucm, String phone, int port) {
        return EngineHarness.tcp4(cucm, 2000, phone, port, 0x18, Messages.sccp(0x0081, new byte[16]));
    }

    @Test
    void theDraftCarriesEvidenceAndConfidence() throws Exception {
        List<byte[]> frames = new ArrayList<>();
        for (int i = 20; i < 23; i++) { // three phones of 10.1.0.0/24, registered twice each
            frames.add(register("10.1.0." + i, 50000 + i, "10.0.0.10", "SEP0011223344" + i));
            frames.add(ack("10.0.0.10", "10.1.0." + i, 50000 + i));
            frames.add(register("10.1.0." + i, 50000 + i, "10.0.0.10", "SEP0011223344" + i));
        }
        frames.add(register("10.3.0.7", 50100, "10.0.0.10", "SEP001122334477")); // a phone alone in its /24
        frames.add(register("10.1.5.9", 50200, "10.0.0.10", "SEP0011223344AA")); // the liar: a phone ...
        frames.add(register("10.4.0.8", 50300, "10.1.5.9", "SEP0011223344BB"));
        frames.add(ack("10.1.5.9", "10.4.0.8", 50300)); // ... that answers registrations
        frames.add(EngineHarness.udp4("10.0.0.2", 67, "10.1.0.20", 68, RoleMessages.dhcpAnswer(5, new byte[] {10, 1, 0, 20},
                new byte[] {10, 0, 0, 2}, new byte[] {10, 0, 0, 11})));
        Path capture = EngineHarness.writeFrames(dir, frames);
        Path report = dir.resolve("report");
        Cli.run("audit", "--out", report.toString(), "--fail-on", "none", capture.toString());
        Path export = dir.resolve("export");
        Cli run = Cli.run("export", report.toString(), "--out", export.toString());
        assertEquals(0, run.exit(), run.err());
        List<String> lines = Files.readAllLines(export.resolve("inventory-draft.csv"));
        List<String> rows = lines.stream().filter(l -> !l.startsWith("#")).toList();
        assertEquals("address,role,name,confidence,evidence", rows.get(0));
        assertTrue(rows.stream().anyMatch(l -> l.startsWith("10.1.0.0/24,phone,learned phone subnet,high,\"3 phones learned")), rows.toString());
        assertTrue(rows.stream().anyMatch(l -> l.startsWith("10.0.0.10,cucm,learned,high,\"answers SCCP RegisterAck (strong, ")), rows.toString());
        assertTrue(rows.stream().anyMatch(l -> l.startsWith("10.3.0.7,phone,learned,low,")), rows.toString());
        assertTrue(rows.stream().anyMatch(l -> l.startsWith("10.0.0.11,cucm,learned,low,\"named TFTP server by DHCP option 150 (weak, ")),
                rows.toString());
        assertTrue(rows.stream().anyMatch(l -> l.startsWith("10.0.0.2,dhcp,learned,low,")), rows.toString());
        assertTrue(rows.stream().noneMatch(l -> l.startsWith("10.1.5.9")), rows.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("# 10.1.5.9 is contradictory (cucm|phone): ")), lines.toString());
        // the draft loads as an inventory
        Cli again = Cli.run("audit", "--inventory", export.resolve("inventory-draft.csv").toString(), "--out",
                dir.resolve("again").toString(), "--fail-on", "none", capture.toString());
        assertEquals(0, again.exit(), again.err());
    }
}
