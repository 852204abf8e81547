package dev.ucaudit.cli;

import dev.ucaudit.testing.LiveCapture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 22 section 4: live --metrics serves Prometheus text on /metrics, scraped over HTTP while capturing on lo. */
@LiveCapture
class LiveMetricsLoopbackTest {
    @BeforeAll
    static void needsCapture() {
        LoopbackTraffic.assumeCaptureOnLoopback();
    }

    private static double value(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        assertTrue(m.find(), series + " not in:\n" + text);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void aScrapeWhileCapturingSeesThePacketsAndTheDrops(@TempDir Path tmp) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> Main.run(new PrintWriter(new StringWriter()),
                new PrintWriter(err, true), "live", "--interface", "lo", "--duration", "8s", "--filter", LoopbackTraffic.FILTER,
                "--metrics", "127.0.0.1:" + port, "--out", tmp.resolve("report").toString()));
        long ready = System.nanoTime() + 20_000_000_000L;
        while (!err.toString().contains("ucaudit: listening on lo") && System.nanoTime() < ready) {
            Thread.sleep(50); // the capture is open and the server listening once this line is out
        }
        LoopbackTraffic.sipRegister();
        LoopbackTraffic.sccpConnection();
        HttpResponse<String> scrape;
        long until = System.nanoTime() + 3_000_000_000L;
        do { // scraped as Prometheus does, until the packets have been analysed (a batch at most 100 ms late)
            Thread.sleep(200);
            scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } while (value(scrape.body(), "ucaudit_packets_total") < 12 && System.nanoTime() < until);
        assertEquals(200, scrape.statusCode());
        assertTrue(scrape.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"), scrape.headers().toString());
        String text = scrape.body();
        assertTrue(value(text, "ucaudit_packets_total") >= 12, text);
        assertTrue(value(text, "ucaudit_packets_captured_total") >= 12, text);
        assertTrue(value(text, "ucaudit_bytes_total") > 500, text);
        assertEquals(0, value(text, "ucaudit_packets_dropped_total{by=\"ucaudit\"}"), text);
        assertEquals(0, value(text, "ucaudit_packets_dropped_total{by=\"kernel\"}"), text);
        assertTrue(text.contains("# TYPE ucaudit_flows_held gauge"), text);
        assertTrue(value(text, "ucaudit_heap_used_bytes") > 1e6, text);
        assertEquals(0, value(text, "ucaudit_periods_written_total"), text);
        int status = run.get(60, TimeUnit.SECONDS);
        assertEquals(0, status, err + "\n" + java.nio.file.Files.readString(tmp.resolve("report/flows.csv")));
        assertTrue(err.toString().contains("ucaudit: metrics on http://127.0.0.1:" + port + "/metrics"), err.toString());
    }
}
