package dev.ucaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ucaudit.testing.ChildJvm;
import dev.ucaudit.testing.LiveCapture;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/live.md, "Findings as they happen", followed as a person does: its live command, copied from the page, run by
 * /bin/sh through the launcher on the PATH with no locale (env -i), capturing on lo instead of eth1 into a temporary
 * folder instead of /var/lib/ucaudit (and for a limited time, filtered to the test's addresses); and, in another
 * "terminal", the page's {@code tail -f} of the events file, run as an unprivileged account (nobody when the tests
 * run as root), which sees the undocumented connection within seconds while the capture goes on.
 */
@ChildJvm
@LiveCapture
class LiveDocIT {
    private static final Path LAUNCHER = Path.of("ucaudit").toAbsolutePath();

    @BeforeAll
    static void needsCapture() {
        LoopbackTraffic.assumeCaptureOnLoopback();
    }

    /** The fenced blocks after a heading of docs/live.md, up to the next heading. */
    static List<String> blocks(String heading) throws Exception {
        String doc = Files.readString(Path.of("docs", "live.md"));
        int start = doc.indexOf(heading);
        assertTrue(start >= 0, heading);
        int end = doc.indexOf("\n## ", start + heading.length());
        String section = doc.substring(start, end < 0 ? doc.length() : end);
        List<String> blocks = new ArrayList<>();
        for (int i = section.indexOf("```"); i >= 0; i = section.indexOf("```", section.indexOf("```", i + 3) + 3)) {
            int from = section.indexOf('\n', i) + 1;
            blocks.add(section.substring(from, section.indexOf("```", from)).strip());
        }
        return blocks;
    }

    private static boolean root() throws Exception {
        Process id = new ProcessBuilder("id", "-u").start();
        return new String(id.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip().equals("0");
    }

    @Test
    void theEventsOfTheLivePageAreFollowedWithTailWhileItCaptures(@TempDir Path tmp) throws Exception {
        List<String> blocks = blocks("## Findings as they happen");
        String live = blocks.get(0);
        String tail = blocks.get(1);
        assertTrue(live.startsWith("ucaudit live --interface eth1 ") && live.contains("--events /var/lib/ucaudit/events.jsonl"), live);
        assertEquals("tail -f /var/lib/ucaudit/events.jsonl", tail);
        Path site = Files.createDirectories(tmp.resolve("site"));
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("ucaudit"), LAUNCHER);
        Files.copy(LoopbackTraffic.inventory(tmp), site.resolve("site-inventory.csv"));
        Path out = tmp.resolve("var-lib-ucaudit");
        String command = live.replace("eth1", "lo").replace("/var/lib/ucaudit", out.toString())
                + " --duration 20s --filter '" + LoopbackTraffic.FILTER + "'";
        Path stderr = tmp.resolve("live.err");
        Process capture = new ProcessBuilder("env", "-i", "PATH=" + bin + ":/usr/bin:/bin", "HOME=" + tmp, "/bin/sh", "-c", command)
                .directory(site.toFile()).redirectErrorStream(false).redirectError(stderr.toFile())
                .redirectOutput(tmp.resolve("live.out").toFile()).start();
        Process follow = null;
        try {
            LoopbackTraffic.awaitListening(capture, stderr);
            Path events = out.resolve("events.jsonl");
            assertTrue(Files.isRegularFile(events), "the events file exists once live listens");
            for (Path p = tmp; p != null && root(); p = p.getParent()) {
                p.toFile().setExecutable(true, false); // the account may reach the file (JUnit's folder is root's, 700)
                if (p.equals(tmp.getRoot()) || p.equals(Path.of(System.getProperty("java.io.tmpdir")))) {
                    break;
                }
            }
            List<String> tailCommand = new ArrayList<>(root() ? List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups")
                    : List.of());
            tailCommand.addAll(List.of("env", "-i", "PATH=/usr/bin:/bin", "/bin/sh", "-c", tail.replace("/var/lib/ucaudit", out.toString())));
            follow = new ProcessBuilder(tailCommand).redirectErrorStream(true).start();
            long sent;
            try (ServerSocket server = new ServerSocket()) {
                server.bind(new InetSocketAddress(LoopbackTraffic.CUCM, 4444));
                try (Socket phone = new Socket()) {
                    phone.bind(new InetSocketAddress(LoopbackTraffic.PHONE, 0));
                    sent = System.nanoTime();
                    phone.connect(new InetSocketAddress(LoopbackTraffic.CUCM, 4444), 5000);
                    try (Socket cucm = server.accept()) {
                        phone.getOutputStream().write("hello\r\n".getBytes(StandardCharsets.US_ASCII));
                        BufferedReader lines = new BufferedReader(new InputStreamReader(follow.getInputStream(), StandardCharsets.UTF_8));
                        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
                            try {
                                return lines.readLine();
                            } catch (Exception e) {
                                return "unreadable: " + e;
                            }
                        });
                        String line = first.get(15, TimeUnit.SECONDS); // the connection is still open
                        double seconds = (System.nanoTime() - sent) / 1e9;
                        assertTrue(seconds < 10, "followed after " + seconds + " s");
                        assertTrue(capture.isAlive(), "told while capturing");
                        JsonNode event = new ObjectMapper().readTree(line);
                        assertEquals("undocumented-flow", event.path("event").asText(), line);
                        assertEquals(LoopbackTraffic.CUCM, event.path("responder").asText(), line);
                        assertEquals(4444, event.path("responder_port").asInt(), line);
                    }
                }
            }
            assertTrue(capture.waitFor(60, TimeUnit.SECONDS), "live ends after --duration");
            assertEquals(1, capture.exitValue(), "an undocumented flow: findings: " + Files.readString(stderr));
            assertTrue(Files.isSymbolicLink(out.resolve("latest")), "the period folder and latest are written");
        } finally {
            if (follow != null) {
                follow.destroy();
            }
            capture.destroy();
        }
    }
}
