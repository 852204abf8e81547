package dev.ucaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ucaudit.testing.LiveCapture;
import java.io.DataInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22 section 4: live --events and --syslog tell an undocumented flow within seconds, while it is still
 * open and long before its period ends, to a JSON-lines file and to real syslog collectors on loopback (UDP,
 * and TCP with octet counting); a collector that is down does not stop the capture; --metrics counts findings.
 */
@LiveCapture
class LiveEventsLoopbackTest {
    /** RFC 5424: PRI VERSION TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA MSG. */
    private static final Pattern RFC5424 =
            Pattern.compile("<28>1 \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z \\S+ ucaudit \\d+ (\\S+) - (\\{.*\\})");

    @BeforeAll
    static void needsCapture() {
        LoopbackTraffic.assumeCaptureOnLoopback();
    }

    /** Opens a TCP connection from the phone to the CUCM's port 4444 (no catalog row) and keeps it open. */
    private static Socket[] undocumentedConnection(ServerSocket server) throws Exception {
        Socket phone = new Socket();
        phone.bind(new InetSocketAddress(LoopbackTraffic.PHONE, 0));
        phone.connect(new InetSocketAddress(LoopbackTraffic.CUCM, 4444), 5000);
        Socket cucm = server.accept();
        phone.getOutputStream().write("hello\r\n".getBytes(StandardCharsets.US_ASCII));
        phone.getOutputStream().flush();
        return new Socket[] {phone, cucm};
    }

    private static ServerSocket cucm4444() throws Exception {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(LoopbackTraffic.CUCM, 4444));
        return server;
    }

    private static CompletableFuture<Integer> live(StringWriter err, String... extra) {
        List<String> args = new ArrayList<>(List.of("live", "--interface", "lo", "--filter", LoopbackTraffic.FILTER));
        args.addAll(List.of(extra));
        return CompletableFuture.supplyAsync(() -> Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                args.toArray(String[]::new)));
    }

    private static void awaitListening(StringWriter err, CompletableFuture<Integer> run) throws InterruptedException {
        long ready = System.nanoTime() + 30_000_000_000L;
        while (!err.toString().contains("ucaudit: listening on lo")) {
            assertTrue(!run.isDone() && System.nanoTime() < ready, "live did not start: " + err);
            Thread.sleep(50);
        }
    }

    @Test
    void anUndocumentedFlowIsToldWithinSecondsToTheFileAndAUdpCollector(@TempDir Path tmp) throws Exception {
        Path events = tmp.resolve("events.jsonl");
        int metricsPort;
        try (ServerSocket s = new ServerSocket(0)) {
            metricsPort = s.getLocalPort();
        }
        try (DatagramSocket collector = new DatagramSocket(0, InetAddress.getLoopbackAddress()); ServerSocket server = cucm4444()) {
            collector.setSoTimeout(10_000);
            StringWriter err = new StringWriter();
            CompletableFuture<Integer> run = live(err, "--duration", "15s", "--inventory", LoopbackTraffic.inventory(tmp).toString(),
                    "--events", events.toString(), "--syslog", "udp://127.0.0.1:" + collector.getLocalPort(),
                    "--metrics", "127.0.0.1:" + metricsPort, "--out", tmp.resolve("report").toString());
            awaitListening(err, run);
            long sent = System.nanoTime();
            Socket[] open = undocumentedConnection(server);
            try {
                DatagramPacket in = new DatagramPacket(new byte[8192], 8192);
                collector.receive(in); // the flow is still open: only its early classification can tell it
                double seconds = (System.nanoTime() - sent) / 1e9;
                assertTrue(seconds < 8, "told after " + seconds + " s");
                String message = new String(in.getData(), 0, in.getLength(), StandardCharsets.UTF_8);
                Matcher m = RFC5424.matcher(message);
                assertTrue(m.matches(), message);
                assertEquals("undocumented-flow", m.group(1));
                JsonNode event = new ObjectMapper().readTree(m.group(2));
                assertEquals(LoopbackTraffic.PHONE, event.path("initiator").asText(), message);
                assertEquals(LoopbackTraffic.CUCM, event.path("responder").asText(), message);
                assertEquals(4444, event.path("responder_port").asInt(), message);
                assertEquals("tcp", event.path("protocol").asText(), message);
                assertEquals("cucm", event.path("responder_role").asText(), message);
                assertTrue(run.isDone() == false, "told before the run ended");
                List<String> lines = Files.readAllLines(events);
                assertEquals(1, lines.size(), lines.toString());
                assertEquals(m.group(2), lines.get(0), "the file holds the same event, one JSON object a line");
                String scrape = scrape(metricsPort);
                assertTrue(scrape.contains("ucaudit_events_total{type=\"undocumented-flow\"} 1.0"), scrape);
                assertTrue(scrape.contains("ucaudit_events_lost_total{channel=\"--syslog udp://127.0.0.1:" + collector.getLocalPort() + "\"} 0.0"),
                        scrape);
            } finally {
                open[0].close();
                open[1].close();
            }
            String scrape = scrape(metricsPort);
            assertTrue(scrape.contains("ucaudit_findings_total{verdict=\"undocumented\"}"), scrape);
            assertTrue(scrape.contains("ucaudit_findings_total{verdict=\"documented\"}"), scrape);
            assertEquals(0, run.get(60, TimeUnit.SECONDS) & 2, err.toString());
            assertEquals(1, Files.readAllLines(events).size(), "told once, not again when it ended: " + Files.readString(events));
        }
    }

    @Test
    void findingsAreCountedByVerdictInTheMetricsAsFlowsEnd(@TempDir Path tmp) throws Exception {
        int metricsPort;
        try (ServerSocket s = new ServerSocket(0)) {
            metricsPort = s.getLocalPort();
        }
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> run = live(err, "--duration", "20s", "--inventory", LoopbackTraffic.inventory(tmp).toString(),
                "--idle-timeout", "1", "--metrics", "127.0.0.1:" + metricsPort, "--out", tmp.resolve("report").toString());
        awaitListening(err, run);
        LoopbackTraffic.sipRegister();
        try (ServerSocket server = cucm4444()) {
            Socket[] open = undocumentedConnection(server);
            open[0].close();
            open[1].close();
        }
        String text = "";
        long until = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < until && !(text.contains("ucaudit_findings_total{verdict=\"undocumented\"} 1.0")
                && text.contains("ucaudit_findings_total{verdict=\"documented\"} 1.0"))) {
            Thread.sleep(300); // the flows end a second after their last packet, by the idle clock
            text = scrape(metricsPort);
        }
        assertTrue(text.contains("ucaudit_findings_total{verdict=\"undocumented\"} 1.0"), text);
        assertTrue(text.contains("ucaudit_findings_total{verdict=\"documented\"} 1.0"), text);
        assertTrue(text.contains("ucaudit_findings_total{verdict=\"port-only\"} 0.0"), text);
        run.get(60, TimeUnit.SECONDS);
    }

    @Test
    void aTcpCollectorGetsOctetCountedMessagesAndOneThatIsDownDoesNotStopTheCapture(@TempDir Path tmp) throws Exception {
        try (ServerSocket collector = new ServerSocket(0, 5, InetAddress.getLoopbackAddress()); ServerSocket server = cucm4444()) {
            collector.setSoTimeout(15_000);
            StringWriter err = new StringWriter();
            CompletableFuture<Integer> run = live(err, "--duration", "8s", "--inventory", LoopbackTraffic.inventory(tmp).toString(),
                    "--syslog", "tcp://127.0.0.1:" + collector.getLocalPort(), "--out", tmp.resolve("report").toString());
            awaitListening(err, run);
            Socket[] open = undocumentedConnection(server);
            try (Socket in = collector.accept()) {
                DataInputStream data = new DataInputStream(in.getInputStream());
                StringBuilder length = new StringBuilder();
                for (int c = data.read(); c != ' '; c = data.read()) {
                    assertTrue(c >= '0' && c <= '9', "octet count: " + length + (char) c);
                    length.append((char) c);
                }
                byte[] message = new byte[Integer.parseInt(length.toString())];
                data.readFully(message);
                Matcher m = RFC5424.matcher(new String(message, StandardCharsets.UTF_8));
                assertTrue(m.matches(), new String(message, StandardCharsets.UTF_8));
                assertEquals("undocumented-flow", m.group(1));
            } finally {
                open[0].close();
                open[1].close();
            }
            assertEquals(0, run.get(60, TimeUnit.SECONDS) & 2, err.toString());
        }
        int down;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            down = s.getLocalPort(); // nothing listens there once closed
        }
        try (ServerSocket server = cucm4444()) {
            StringWriter err = new StringWriter();
            CompletableFuture<Integer> run = live(err, "--duration", "6s", "--inventory", LoopbackTraffic.inventory(tmp).toString(),
                    "--syslog", "tcp://127.0.0.1:" + down, "--out", tmp.resolve("report2").toString());
            awaitListening(err, run);
            Socket[] open = undocumentedConnection(server);
            open[0].close();
            open[1].close();
            int status = run.get(60, TimeUnit.SECONDS);
            assertEquals(0, status & 2, err.toString());
            assertTrue(err.toString().contains("--syslog tcp://127.0.0.1:" + down + ": cannot send to the collector"), err.toString());
            assertTrue(err.toString().contains("--syslog tcp://127.0.0.1:" + down + ": 1 event could not be delivered"), err.toString());
            assertTrue(Files.readString(tmp.resolve("report2/flows.csv")).contains(",4444,"), "the report holds the flow");
        }
    }

    private static String scrape(int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
