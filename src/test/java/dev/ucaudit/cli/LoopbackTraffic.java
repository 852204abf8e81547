package dev.ucaudit.cli;

import java.io.IOException;
import dev.ucaudit.synth.Messages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletableFuture;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.opentest4j.TestAbortedException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNetworkInterface;

/**
 * Real traffic on the loopback interface between two addresses of 127/8 (Linux answers for all of
 * it on lo): a "phone" and a "CUCM", so that roles and verdicts mean something. The addresses are
 * unusual enough that a BPF filter on their /24 keeps other processes' loopback traffic out; the /24
 * is chosen by this JVM's pid, so that two test runs at once (two checkouts) do not see each other.
 */
final class LoopbackTraffic {
    private static final String PREFIX = "127.83." + (ProcessHandle.current().pid() % 250 + 1) + ".";
    static final String NET = PREFIX + "0/24";
    static final String PHONE = PREFIX + "2";
    static final String CUCM = PREFIX + "3";
    static final String FILTER = "net " + NET;

    private LoopbackTraffic() {
    }

    /** Aborts the test (skipped, with the reason) when this process cannot capture on lo. */
    static void assumeCaptureOnLoopback() {
        try {
            PcapHandle h = new PcapHandle.Builder("lo").snaplen(128)
                    .promiscuousMode(PcapNetworkInterface.PromiscuousMode.NONPROMISCUOUS).timeoutMillis(10).build();
            h.close();
        } catch (Exception | LinkageError e) {
            throw new TestAbortedException("live capture on lo is not possible here (" + e.getMessage()
                    + "): needs libpcap and CAP_NET_RAW/CAP_NET_ADMIN (run as root or setcap the java binary); skipping");
        }
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(PHONE, 0))) {
            s.getLocalPort();
        } catch (Exception e) {
            throw new TestAbortedException("cannot bind " + PHONE + " on lo (" + e.getMessage() + "); skipping");
        }
    }

    static Path inventory(Path dir) throws Exception {
        Path inv = dir.resolve("inventory.csv");
        Files.writeString(inv, "address,role,name\n" + PHONE + ",phone,test phone\n" + CUCM + ",cucm,test cucm\n");
        return inv;
    }

    /** A SIP REGISTER over UDP from the phone to the CUCM's 5060 and its 200 OK: 2 packets. */
    static void sipRegister() throws Exception {
        try (DatagramSocket cucm = new DatagramSocket(new InetSocketAddress(CUCM, 5060));
             DatagramSocket phone = new DatagramSocket(new InetSocketAddress(PHONE, 0))) {
            cucm.setSoTimeout(5000);
            phone.setSoTimeout(5000);
            byte[] register = ("REGISTER sip:" + CUCM + " SIP/2.0\r\nVia: SIP/2.0/UDP " + PHONE + ":" + phone.getLocalPort()
                    + ";branch=z9hG4bK1\r\nFrom: <sip:1001@" + CUCM + ">;tag=1\r\nTo: <sip:1001@" + CUCM + ">\r\n"
                    + "Call-ID: 1@" + PHONE + "\r\nCSeq: 1 REGISTER\r\nContact: <sip:1001@" + PHONE + ">\r\n"
                    + "Expires: 3600\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            phone.send(new DatagramPacket(register, register.length, InetAddress.getByName(CUCM), 5060));
            DatagramPacket in = new DatagramPacket(new byte[4096], 4096);
            cucm.receive(in);
            byte[] ok = "SIP/2.0 200 OK\r\nCSeq: 1 REGISTER\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            cucm.send(new DatagramPacket(ok, ok.length, in.getSocketAddress()));
            phone.receive(new DatagramPacket(new byte[4096], 4096));
        }
    }

    /** A TCP connection from the phone to the CUCM's 2000 (SCCP) with some bytes each way. */
    static void sccpConnection() throws Exception {
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(CUCM, 2000));
            try (Socket phone = new Socket()) {
                phone.bind(new InetSocketAddress(PHONE, 0));
                phone.connect(new InetSocketAddress(CUCM, 2000), 5000);
                try (Socket cucm = server.accept()) {
                    cucm.setSoTimeout(5000);
                    OutputStream o = phone.getOutputStream();
                    o.write(Messages.sccp(0x0001, new byte[3000 - 12])); // SCCP: a port's content is checked (issue 26)
                    o.flush();
                    InputStream i = cucm.getInputStream();
                    int got = 0;
                    byte[] buf = new byte[4096];
                    while (got < 3000) {
                        int n = i.read(buf);
                        if (n < 0) {
                            break;
                        }
                        got += n;
                    }
                    cucm.getOutputStream().write(Messages.sccp(0x0081, new byte[200 - 12]));
                    cucm.getOutputStream().flush();
                    phone.getInputStream().readNBytes(200);
                    phone.shutdownOutput();
                    i.read(buf);
                }
            }
        }
    }

    /**
     * Starts {@code ucaudit live ARGS} in this process, as the tests' live runs do, and returns once it
     * printed "listening on" (the catalog is loaded and the capture open): no fixed sleep, however busy
     * the machine. Skips the test, saying why, when the run ended without capturing.
     */
    static CompletableFuture<Integer> startLive(String... args) throws InterruptedException {
        StringWriter err = new StringWriter();
        PrintWriter errWriter = new PrintWriter(err, true);
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> {
            try {
                return Main.run(new PrintWriter(OutputStream.nullOutputStream(), true), errWriter, args);
            } finally {
                errWriter.flush();
            }
        });
        long deadline = System.currentTimeMillis() + 30_000;
        while (!err.toString().contains("listening on")) {
            if (run.isDone()) {
                Assumptions.assumeTrue(err.toString().contains("listening on"),
                        () -> "ucaudit live could not start: " + err);
            }
            Assertions.assertTrue(System.currentTimeMillis() < deadline, "no 'listening on' within 30 s: " + err);
            Thread.sleep(20);
        }
        return run;
    }

    /**
     * Waits (at most 30 s) for a {@code ucaudit live} process to print "listening on" to {@code stderr};
     * skips the test, saying why, when the process ended without capturing.
     */
    static void awaitListening(Process p, Path stderr) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!Files.readString(stderr).contains("listening on")) {
            Assumptions.assumeTrue(p.isAlive() || Files.readString(stderr).contains("listening on"),
                    () -> "ucaudit live could not start: " + read(stderr));
            Assertions.assertTrue(System.currentTimeMillis() < deadline, "no 'listening on' within 30 s: " + read(stderr));
            Thread.sleep(100);
        }
    }

    /** A file's text for a failure message, or why it could not be read. */
    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (Exception e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
