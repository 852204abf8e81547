package dev.ucaudit.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven through its chromedriver, for looking at the pages ucaudit writes.
 * When either program is missing the calling test is aborted (reported as skipped, with the reason),
 * never passed. {@code -Ducaudit.chromium=PATH} and {@code -Ducaudit.chromedriver=PATH} point elsewhere.
 */
final class Browser implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final Path CHROMIUM = Path.of(System.getProperty("ucaudit.chromium", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("ucaudit.chromedriver", "/usr/bin/chromedriver"));

    final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Starts Chromium with a fresh profile under {@code profile}, its window 1400×900. */
    static Browser start(Path profile) throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "browser test skipped: " + CHROMIUM + " or " + DRIVER
                        + " is missing; install them with 'apt-get install chromium chromium-driver' (scripts/setup --tests)");
        Files.createDirectories(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1400,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(30));
        return new Browser(driver);
    }

    /** Opens a local file and sizes the viewport (not the window) to {@code width}×{@code height}. */
    void open(Path page, int width, int height) {
        viewport(width, height);
        driver.get(page.toAbsolutePath().toUri().toString());
    }

    /** Makes the page's viewport exactly this size, whatever the window decorations take. */
    void viewport(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        long innerW = ((Number) js("return window.innerWidth")).longValue();
        long innerH = ((Number) js("return window.innerHeight")).longValue();
        if (innerW != width || innerH != height) {
            driver.manage().window().setSize(new Dimension(2 * width - (int) innerW, 2 * height - (int) innerH));
        }
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Console messages of level SEVERE (script errors, failed loads) since the last call. */
    List<String> consoleErrors() {
        List<String> out = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                out.add(e.getMessage());
            }
        }
        return out;
    }

    /** Writes the whole page (beyond the viewport) as a PNG under target/screenshots/. */
    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        @SuppressWarnings("unchecked")
        Map<String, Object> shot = (Map<String, Object>) driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "scale", 1,
                        "width", js("return document.documentElement.scrollWidth"),
                        "height", js("return document.documentElement.scrollHeight"))));
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        return file;
    }

    /** Writes only what a person sees first, without scrolling. */
    Path screenshotViewport(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        return file;
    }

    WebDriver webDriver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
