package dev.ucaudit.report;

import dev.ucaudit.capture.PcapWriter;
import dev.ucaudit.synth.Host;
import dev.ucaudit.synth.LabSite;
import dev.ucaudit.synth.Messages;
import dev.ucaudit.synth.TcpSession;
import dev.ucaudit.synth.Wire;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A capture with one finding of each risk and voice to count, for the report's "what to do" checks (issue 22 §6):
 * a stranger reaching the publisher's telnet and POP3 (management, ports 23 and 110 in one group) and the
 * subscriber's 4444 (a host the inventory does not know talking to CUCM); a phone registering and calling another
 * over SIP, with media the call opened; media between two phones that no signalling opened. The inventory names
 * the publisher with markup and the Call-ID carries some, so every string from a file or the wire must be escaped.
 */
public final class ActionCapture {
    public static final Host STRANGER = Host.of("stranger2", "10.99.0.77", 0x634d, -1);
    /** The publisher's inventory name: markup that must reach the page as text. */
    public static final String PUB_NAME = "<img src=x onerror=alert(1)>pub";
    public static final String CALL_ID = "<script>alert('call')</script>@10.20.0.22";

    private ActionCapture() {
    }

    /** Writes the capture and its inventory (the lab site's, the publisher renamed). */
    public static void write(Path pcap, Path inventory) throws IOException {
        Files.writeString(inventory, Files.readString(Path.of("captures/lab-site-inventory.csv"))
                .replace("10.10.1.10,cucm-publisher,cucm-pub", "10.10.1.10,cucm-publisher,\"" + PUB_NAME + "\""));
        try (Wire w = new Wire(PcapWriter.create(pcap, 1, false), Instant.parse("2026-11-02T09:00:00Z").toEpochMilli() * 1_000_000L)) {
            String reg = "sip:22@10.10.1.11";
            w.udp(LabSite.PHONE_SIP, 5060, LabSite.SUB, 5060, Messages.sipRequest("REGISTER", "sip:10.10.1.11", reg, reg, "reg-1", 1,
                    "10.20.0.22:5060", null));
            w.udp(LabSite.SUB, 5060, LabSite.PHONE_SIP, 5060, Messages.sipResponse(200, "OK", reg, reg, "reg-1", 1, "REGISTER",
                    "10.20.0.22:5060", null));
            String to = "sip:23@10.10.1.11";
            w.udp(LabSite.PHONE_SIP, 5060, LabSite.SUB, 5060, Messages.sipRequest("INVITE", to, reg, to, CALL_ID, 2, "10.20.0.22:5060",
                    Messages.sdp("10.20.0.22", 40002, 1)));
            w.udp(LabSite.SUB, 5060, LabSite.PHONE_SIP, 5060, Messages.sipResponse(200, "OK", reg, to, CALL_ID, 2, "INVITE",
                    "10.20.0.22:5060", Messages.sdp("10.20.0.23", 40004, 2)));
            for (int i = 0; i < 5; i++) {
                w.udp(LabSite.PHONE_SIP2, 40004, LabSite.PHONE_SIP, 40002, Messages.rtp(i, 160L * i, 0x42, 160));
                w.udp(LabSite.PHONE_SIP, 20000, LabSite.PHONE_SIP2, 20002, Messages.rtp(i, 160L * i, 0x43, 160)); // no signalling
            }
            new TcpSession(w, STRANGER, 61023, LabSite.PUB, 23, 7000).open().fromServer("login: ").close();
            new TcpSession(w, STRANGER, 61110, LabSite.PUB, 110, 7100).open().fromServer("+OK POP3 ready\r\n").close();
            new TcpSession(w, STRANGER, 61444, LabSite.SUB, 4444, 7200).open().fromClient("hello\r\n").close();
        }
    }
}
