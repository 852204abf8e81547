package dev.ucaudit.browser;

import dev.ucaudit.testing.InBrowser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ucaudit.testing.Cli;
import dev.ucaudit.diff.NightlyCaptures;
import dev.ucaudit.report.ActionCapture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * report.html and diff.html as a person sees them, in headless Chromium at 1400×900 and at 900 px wide:
 * no script errors, findings first and visible without scrolling, grouped; tables that sort and
 * filter; nothing wider than the window. Screenshots go to target/screenshots/ for a person to look at.
 */
@InBrowser
class ReportPagesBrowserTest {
    private static final int WIDE = 1400;
    private static final int HIGH = 900;
    private static final int NARROW = 900;
    /** What a person must see without scrolling at 1400×900. */
    static final List<String> ABOVE_THE_FOLD = List.of("#findings h2", "#findings tbody tr");
    /**
     * The INCOMPLETE banner of issue 11 (branch trust, {@code <div id="incomplete">} on main). Hook: until
     * it is in this branch, {@link #incompleteReportShowsBannerAndFindings} checks the findings and is
     * reported skipped for the banner, saying so.
     */
    static final String INCOMPLETE_BANNER = "#incomplete";

    @TempDir
    static Path dir;
    static Browser browser;
    static Path labReport;
    static Path scanReport;
    static Path diffPage;
    static Path truncatedReport;
    static Path actionReport;
    static Path labNoInventory;

    @BeforeAll
    static void writePages() throws IOException {
        labReport = dir.resolve("lab");
        Cli lab = Cli.run("audit", "--inventory", "captures/lab-site-inventory.csv", "--out", labReport.toString(),
                "captures/lab-site.pcap");
        assertEquals(1, lab.exit(), lab.err());

        Cli gen = Cli.run("generate", "syn-scan", "--flows", "20000", "--out", dir.toString());
        assertEquals(0, gen.exit(), gen.err());
        scanReport = dir.resolve("scan");
        Cli scan = Cli.run("audit", "--list-scan-flows", "--out", scanReport.toString(),
                dir.resolve("syn-scan-20000.pcap").toString());
        assertEquals(1, scan.exit(), scan.err());

        Path inventory = dir.resolve("inventory.csv");
        NightlyCaptures.writeYesterday(dir.resolve("yesterday.pcap"), inventory);
        NightlyCaptures.writeToday(dir.resolve("yesterday.pcap"), dir.resolve("today.pcap"));
        for (String day : new String[] {"yesterday", "today"}) {
            Cli a = Cli.run("audit", "--inventory", inventory.toString(), "--out", dir.resolve(day).toString(),
                    dir.resolve(day + ".pcap").toString());
            assertEquals(1, a.exit(), a.err());
        }
        Cli diff = Cli.run("diff", "--out", dir.resolve("diff").toString(), dir.resolve("yesterday").toString(),
                dir.resolve("today").toString());
        assertEquals(1, diff.exit(), diff.err());
        diffPage = dir.resolve("diff/diff.html");

        byte[] labPcap = Files.readAllBytes(Path.of("captures/lab-site.pcap"));
        Path cut = dir.resolve("lab-cut.pcap");
        Files.write(cut, java.util.Arrays.copyOf(labPcap, labPcap.length - 300));
        truncatedReport = dir.resolve("cut");
        Cli t = Cli.run("audit", "--inventory", "captures/lab-site-inventory.csv", "--out", truncatedReport.toString(),
                cut.toString());
        assertTrue(Files.exists(truncatedReport.resolve("report.html")), t.err());
        ActionCapture.write(dir.resolve("actions.pcap"), dir.resolve("actions-inventory.csv"));
        actionReport = dir.resolve("actions");
        Cli act = Cli.run("audit", "--inventory", dir.resolve("actions-inventory.csv").toString(), "--out", actionReport.toString(),
                dir.resolve("actions.pcap").toString());
        assertEquals(1, act.exit(), act.err());
        labNoInventory = dir.resolve("lab-no-inventory");
        assertEquals(1, Cli.run("audit", "--out", labNoInventory.toString(), "captures/lab-site.pcap").exit());
        browser = Browser.start(dir.resolve("chromium-profile"));
    }

    @AfterAll
    static void quit() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void consoleErrorsAreCaught() throws IOException {
        Path broken = dir.resolve("broken.html");
        Files.writeString(broken, "<!DOCTYPE html><title>broken</title><p>x</p><script>nosuchfunction();</script>");
        browser.open(broken, WIDE, HIGH);
        assertFalse(browser.consoleErrors().isEmpty(), "a page with a script error must show up as console errors");
    }

    @Test
    void labReportReadsWell() throws IOException {
        Path page = labReport.resolve("report.html");
        browser.open(page, WIDE, HIGH);
        assertEquals(List.of(), browser.consoleErrors());
        browser.screenshotViewport("lab-report-first-screen");
        browser.screenshot("lab-report");
        aboveTheFold();
        String title = browser.driver.getTitle();
        assertTrue(title.contains("lab-site.pcap") && title.contains("2026-"), title);

        // Sorting: a click on "bytes" orders the pairs by their exact byte counts, a second click reverses.
        WebElement pairs = browser.driver.findElement(By.id("pairs-table"));
        int bytesColumn = column(pairs, "bytes");
        header(pairs, bytesColumn).click();
        List<Long> up = numbers(pairs, bytesColumn);
        assertTrue(up.size() > 3, "pairs listed");
        assertEquals(up.stream().sorted().toList(), up, "ascending after one click");
        header(pairs, bytesColumn).click();
        List<Long> down = numbers(pairs, bytesColumn);
        assertEquals(down.stream().sorted(java.util.Comparator.reverseOrder()).toList(), down, "descending after two");

        // Bytes in units, the exact count on hover.
        WebElement bytes = pairs.findElements(By.cssSelector("tbody tr")).get(0).findElements(By.tagName("td")).get(bytesColumn);
        assertTrue(bytes.getText().matches("[0-9.]+ (B|KiB|MiB|GiB)"), bytes.getText());
        assertEquals(String.format(java.util.Locale.ROOT, "%,d bytes", Long.parseLong(bytes.getAttribute("data-v"))),
                bytes.getAttribute("title"));

        // Filtering: typing a host keeps only its rows.
        WebElement filter = pairs.findElement(By.xpath("preceding-sibling::input[1]"));
        filter.sendKeys("10.40.0.5");
        for (WebElement row : pairs.findElements(By.cssSelector("tbody tr"))) {
            assertEquals(row.getText().contains("10.40.0.5"), row.isDisplayed(), row.getText());
        }
        filter.clear();
        filter.sendKeys(" ");

        // The unused openings are folded away, with the short-window warning above them.
        WebElement unused = browser.driver.findElement(By.id("unused"));
        assertEquals("details", unused.getTagName());
        assertFalse(unused.findElement(By.tagName("table")).isDisplayed(), "unused openings collapsed by default");
        assertTrue(browser.driver.findElement(By.id("unused-warning")).getText().contains("use --state over days"));
        assertEquals(List.of(), browser.consoleErrors());
        fitsNarrowWindow(page, "lab-report-900px");
    }

    @Test
    void scanReportGroupsFindings() throws Exception {
        Path page = scanReport.resolve("report.html");
        long undocumented = new ObjectMapper().readTree(scanReport.resolve("summary.json").toFile())
                .path("flows").path("undocumented").asLong(-1);
        browser.open(page, WIDE, HIGH);
        assertEquals(List.of(), browser.consoleErrors());
        browser.screenshotViewport("scan-report-first-screen");
        browser.screenshot("scan-report");
        aboveTheFold();
        List<WebElement> groups = browser.driver.findElements(By.cssSelector("#findings-table tbody tr"));
        assertTrue(groups.size() <= 5, "1,000+ flows of one scan make a handful of groups, not a row each: " + groups.size());
        long sum = 0;
        for (WebElement g : groups) {
            sum += Long.parseLong(g.findElement(By.cssSelector("td.n[data-v]")).getAttribute("data-v"));
        }
        assertTrue(undocumented > 1000, "summary.json counts the scan's undocumented flows: " + undocumented);
        assertEquals(undocumented, sum, "the groups add up to every undocumented flow");
        List<WebElement> cells = browser.driver.findElements(By.cssSelector("#pairs-table tbody tr td"));
        String why = cells.get(cells.size() - 1).getText();
        assertTrue(why.startsWith("✗ 1/tcp, 2/tcp, 3/tcp … (" + String.format(java.util.Locale.ROOT, "%,d", undocumented)
                + " flows): no catalog row for 1/tcp"), "the pair's undocumented services, one line per reason: " + why);
        fitsNarrowWindow(page, "scan-report-900px");
    }

    @Test
    void incompleteReportShowsBannerAndFindings() throws IOException {
        browser.open(truncatedReport.resolve("report.html"), WIDE, HIGH);
        assertEquals(List.of(), browser.consoleErrors());
        browser.screenshotViewport("truncated-report-first-screen");
        aboveTheFold();
        boolean banner = !browser.driver.findElements(By.cssSelector(INCOMPLETE_BANNER)).isEmpty();
        org.junit.jupiter.api.Assumptions.assumeTrue(banner, "findings checked; no " + INCOMPLETE_BANNER
                + " banner in this branch yet (issue 11, branch trust), so its place above the fold is not checked");
        WebElement e = browser.driver.findElement(By.cssSelector(INCOMPLETE_BANNER));
        double bottom = ((Number) browser.js("return arguments[0].getBoundingClientRect().bottom", e)).doubleValue();
        assertTrue(e.isDisplayed() && bottom <= HIGH, "INCOMPLETE banner visible without scrolling (bottom at " + bottom + ")");
    }

    @Test
    void diffPageReadsWell() throws IOException {
        browser.open(diffPage, WIDE, HIGH);
        assertEquals(List.of(), browser.consoleErrors());
        browser.screenshot("diff");
        String cards = browser.driver.findElement(By.className("cards")).getText();
        assertTrue(cards.contains("not checked"), "no --allowed: escaped is not checked, not 0: " + cards);
        assertFalse(cards.matches("(?s).*\\b0\\s*escaped.*"), cards);
        String openings = browser.driver.findElement(By.id("newly-unused")).getText();
        assertTrue(openings.contains("Lightweight Directory Access Protocol") && openings.contains("10.40.0.5")
                && openings.contains("T3-01"), "opening rows say what the opening is for: " + openings);
        fitsNarrowWindow(diffPage, "diff-900px");
        for (WebElement cell : browser.driver.findElements(By.cssSelector("td.n"))) {
            if (cell.getText().contains("→")) {
                assertEquals(1L, lines(cell), "counts stay on one line: " + cell.getText());
            }
        }
    }

    /**
     * Issue 22 §6 on the rendered page: findings ranked by risk, each with a visible suggestion; the voice summary;
     * addresses as text that a button copies (no server); who opened a pair's undocumented flows; ports as lists;
     * markup from the inventory and the wire shown as text; "no inventory" pointing to ucaudit export's draft.
     */
    @Test
    void reportSaysWhatToDo() throws IOException {
        browser.open(actionReport.resolve("report.html"), WIDE, HIGH);
        assertEquals(List.of(), browser.consoleErrors());
        browser.screenshot("action-report");
        aboveTheFold();
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#findings-table tbody tr"));
        assertEquals(List.of("MANAGEMENT", "UNKNOWN_TO_CUCM"), rows.stream().map(r -> r.getAttribute("data-risk")).toList());
        assertEquals("management", rows.get(0).findElement(By.className("risk")).getText());
        assertEquals("tcp 23, 110", rows.get(0).findElements(By.tagName("td")).get(3).getText(), "ports as a list");
        for (WebElement row : rows) {
            WebElement todo = row.findElement(By.className("todo"));
            assertTrue(todo.isDisplayed() && todo.getText().matches("→ (Check the firewall rule|Add 10\\.99\\.0\\.77 to the inventory).*"),
                    todo.getText());
        }
        assertTrue(rows.get(1).findElement(By.className("todo")).getText().contains("ucaudit export"));

        assertTrue(browser.driver.findElement(By.id("voice")).isDisplayed());
        for (String id : new String[] {"voice-calls", "voice-registrations", "voice-media-calls", "voice-media-port"}) {
            assertEquals("1", browser.driver.findElement(By.id(id)).getText(), id);
        }

        // An address is text on the page, and its button copies it without a server.
        WebElement example = rows.get(0).findElements(By.tagName("td")).get(7);
        assertTrue(example.getText().startsWith("10.99.0.77"), example.getText());
        browser.js("window.copied=null;if(navigator.clipboard){navigator.clipboard.writeText=function(t){window.copied=t;"
                + "return Promise.resolve();};}");
        WebElement copy = example.findElement(By.cssSelector("button.copy"));
        assertTrue(copy.isDisplayed(), "the copy button shows where script runs");
        copy.click();
        assertEquals("10.99.0.77", browser.js("return window.getSelection().toString()"), "the address is selected");
        Object copied = browser.js("return navigator.clipboard ? window.copied : 'no clipboard API'");
        assertTrue("10.99.0.77".equals(copied) || "no clipboard API".equals(copied), String.valueOf(copied));
        assertEquals(List.of(), browser.consoleErrors());

        // The pair says who opened its undocumented flows; its services are a list.
        WebElement pairs = browser.driver.findElement(By.id("pairs-table"));
        WebElement stranger = pairs.findElements(By.cssSelector("tbody tr")).stream()
                .filter(r -> r.getText().contains("10.99.0.77") && r.getText().contains("10.10.1.10")).findFirst().orElseThrow();
        assertTrue(stranger.getText().contains("opened by 10.99.0.77 → 10.10.1.10"), stranger.getText());
        assertTrue(stranger.getText().contains("23/tcp, 110/tcp"), stranger.getText());

        // Markup from the inventory is text, not an element.
        assertEquals(0L, ((Number) browser.js("return document.images.length")).longValue());
        assertTrue(browser.driver.findElement(By.tagName("body")).getText().contains(ActionCapture.PUB_NAME));
        fitsNarrowWindow(actionReport.resolve("report.html"), "action-report-900px");

        browser.open(labNoInventory.resolve("report.html"), WIDE, HIGH);
        WebElement none = browser.driver.findElement(By.id("no-inventory"));
        assertTrue(none.isDisplayed() && none.getText().contains("ucaudit export REPORT_DIR --out DIR writes inventory-draft.csv"),
                none.getText());
        assertEquals(List.of(), browser.consoleErrors());
    }

    private static void aboveTheFold() {
        assertEquals(0L, ((Number) browser.js("return window.scrollY")).longValue());
        for (String selector : ABOVE_THE_FOLD) {
            WebElement e = browser.driver.findElement(By.cssSelector(selector));
            double bottom = ((Number) browser.js("return arguments[0].getBoundingClientRect().bottom", e)).doubleValue();
            assertTrue(e.isDisplayed() && bottom <= HIGH, selector + " is visible without scrolling at " + WIDE + "x" + HIGH
                    + " (bottom at " + bottom + " px)");
        }
    }

    /** At 900 px: nothing wider than the window, times, rule ids and counts never broken inside. */
    private static void fitsNarrowWindow(Path page, String screenshot) throws IOException {
        browser.open(page, NARROW, HIGH);
        long scrollWidth = ((Number) browser.js("return document.documentElement.scrollWidth")).longValue();
        long clientWidth = ((Number) browser.js("return document.documentElement.clientWidth")).longValue();
        browser.screenshot(screenshot);
        assertTrue(scrollWidth <= clientWidth, "page is " + scrollWidth + " px wide in a " + clientWidth + " px window");
        List<String> broken = new ArrayList<>();
        for (WebElement cell : browser.driver.findElements(By.cssSelector("td.t, td.n, .nw"))) {
            if (cell.isDisplayed() && lines(cell) > 1) {
                broken.add(cell.getText());
            }
        }
        assertEquals(List.of(), broken, "cells that must not wrap");
        assertEquals(List.of(), browser.consoleErrors());
        browser.viewport(WIDE, HIGH);
    }

    /** How many lines the cell's text takes. */
    private static long lines(WebElement cell) {
        return ((Number) browser.js("var r=document.createRange();r.selectNodeContents(arguments[0]);"
                + "var tops={};Array.prototype.forEach.call(r.getClientRects(),function(x){if(x.width>0)tops[Math.round(x.bottom)]=1;});"
                + "return Object.keys(tops).length;", cell)).longValue();
    }

    private static int column(WebElement table, String name) {
        List<WebElement> heads = table.findElements(By.cssSelector("thead th"));
        for (int i = 0; i < heads.size(); i++) {
            if (heads.get(i).getText().replaceAll("[^a-z ]", "").trim().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no column " + name);
    }

    private static WebElement header(WebElement table, int column) {
        return table.findElements(By.cssSelector("thead th")).get(column);
    }

    private static List<Long> numbers(WebElement table, int column) {
        List<Long> out = new ArrayList<>();
        for (WebElement row : table.findElements(By.cssSelector("tbody tr"))) {
            out.add(Long.parseLong(row.findElements(By.tagName("td")).get(column).getAttribute("data-v")));
        }
        return out;
    }
}
