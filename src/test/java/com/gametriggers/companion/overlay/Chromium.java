package com.gametriggers.companion.overlay;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import com.gametriggers.companion.testing.DebianTools;

/**
 * A headless Chromium from Debian's packages (chromium, chromium-driver), the browser engine OBS's Browser Source is
 * built on. Selenium Manager is never asked for anything: nothing can be downloaded here.
 */
public final class Chromium implements AutoCloseable {

    static final File BROWSER = new File("/usr/bin/chromium");
    static final File DRIVER = new File("/usr/bin/chromedriver");

    /**
     * Counts the page's beacons: every POST to /beacon the page makes goes into {@code window.__beacons} (its body),
     * every report of a creative that would not show into {@code window.__creativeReports}, every showing's time on air
     * into {@code window.__onAirReports}.
     * Whatever the page's Content-Security-Policy blocks goes into {@code window.__cspViolations}.
     */
    private static final String BEACON_SPY = """
            window.__beacons = [];
            window.__creativeReports = [];
            window.__onAirReports = [];
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', function (e) {
              window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);
            });
            (function () {
              var original = window.fetch;
              window.fetch = function (input, init) {
                try {
                  var url = typeof input === 'string' ? input : (input && input.url) || String(input);
                  if (url.indexOf('/beacon') >= 0) {
                    window.__beacons.push(init && init.body ? String(init.body) : '');
                  }
                  if (url.indexOf('/on-air') >= 0) {
                    window.__onAirReports.push(init && init.body ? String(init.body) : '');
                  }
                  if (url.indexOf('/creative-problem') >= 0) {
                    window.__creativeReports.push(init && init.body ? String(init.body) : '');
                  }
                } catch (e) { }
                return original.apply(this, arguments);
              };
            })();
            """;

    /** What OBS's Browser Source gives a page, before any of its scripts run; {@code __obsActive} plays OBS. */
    private static final String OBS_STAND_IN = """
            window.obsstudio = {pluginVersion: 'test', getStatus: function (cb) { cb({streaming: true}); }};
            window.__obsActive = function (a) {
              window.dispatchEvent(new CustomEvent('obsSourceActiveChanged', {detail: {active: a}}));
            };
            """;

    private final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Fails, never skips, when the browser is missing: a test that silently does not run proves nothing. */
    public static void requireInstalled() {
        DebianTools.assumeAvailable("Debian's Chromium and chromedriver");
        if (!BROWSER.canExecute() || !DRIVER.canExecute()) {
            fail("The overlay tests need Debian's Chromium and its driver at " + BROWSER + " and " + DRIVER
                    + ". Install them with: apt-get update && apt-get install -y chromium chromium-driver");
        }
    }

    /**
     * @param asObs whether the page sees a stand-in {@code window.obsstudio}, as in OBS, or runs as a plain browser would
     */
    public static Chromium start(boolean asObs) throws IOException {
        requireInstalled();
        Path profile = Files.createTempDirectory("overlay-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER)
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1920,1080",
                "--hide-scrollbars", "--force-device-scale-factor=1", "--user-data-dir=" + profile);
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            deleteQuietly(profile);
            throw e;
        }
        Chromium chromium = new Chromium(driver, profile);
        try {
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(15));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
            // A transparent page background, as OBS composites it. Not --default-background-color=00000000: with that
            // flag, Debian's Chromium 156 headless loses its first tab's renderer at start and chromedriver's session
            // has no window left ("no such window: target window already closed").
            chromium.cdp("Emulation.setDefaultBackgroundColorOverride",
                    Map.of("color", Map.of("r", 0, "g", 0, "b", 0, "a", 0)));
            // The window's viewport is smaller than --window-size in the new headless mode; a source is exact.
            chromium.viewport(1920, 1080);
            chromium.cdp("Page.addScriptToEvaluateOnNewDocument", Map.of("source", BEACON_SPY));
            if (asObs) {
                chromium.cdp("Page.addScriptToEvaluateOnNewDocument", Map.of("source", OBS_STAND_IN));
            }
        } catch (RuntimeException e) {
            chromium.close();
            throw e;
        }
        return chromium;
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * Runs a DevTools command through chromedriver. Chromedriver 156 answers a command without a result with a null
     * value, which Selenium 4.38 cannot copy (an NPE in {@code AddHasCdp}) after the command has run; that is success.
     */
    void cdp(String command, Map<String, Object> parameters) {
        try {
            driver.executeCdpCommand(command, parameters);
        } catch (NullPointerException noResult) {
            // the command ran; it just had nothing to return
        }
    }

    /** The page's viewport, as an OBS source of that size would have it. */
    void viewport(int width, int height) {
        cdp("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    public Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    /** An attribute of {@code <html>}: the page reports its state there (data-card, data-connected, data-on-air). */
    public String rootAttribute(String name) {
        Object value = script("return document.documentElement.getAttribute(arguments[0]);", name);
        return value == null ? null : value.toString();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // a temporary folder; the OS cleans it up eventually
        }
    }
}
