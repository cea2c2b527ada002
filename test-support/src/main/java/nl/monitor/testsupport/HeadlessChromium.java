package nl.monitor.testsupport;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Debian's headless Chromium driven by its chromedriver (both installed by {@code scripts/ensure-chromium.sh} as the
 * build runs): the real browser of the browser tests, each with a fresh profile, no background traffic and a fixed
 * window. A module that uses it declares {@code selenium-java} itself (an optional dependency here).
 */
public final class HeadlessChromium {

    private static final String BROWSER = "/usr/bin/chromium";
    private static final String DRIVER = "/usr/bin/chromedriver";

    private HeadlessChromium() {
    }

    /** A browser with a window of {@code width} × {@code height} pixels. */
    public static ChromeDriver start(int width, int height) {
        return start(width, height, null);
    }

    /**
     * A browser with a window of {@code width} × {@code height} pixels that saves downloads into {@code downloads}
     * without asking (when not null).
     */
    public static ChromeDriver start(int width, int height, Path downloads) {
        return start(width, height, downloads, false);
    }

    /**
     * A browser that also keeps Chromium's performance log (DevTools network and page events), so that a test can
     * read every address the browser asked for or showed, redirects included ({@code driver.manage().logs()
     * .get("performance")}).
     */
    public static ChromeDriver startRecording(int width, int height) {
        return start(width, height, null, true);
    }

    private static ChromeDriver start(int width, int height, Path downloads, boolean recordNavigations) {
        ChromeOptions options = new ChromeOptions();
        if (recordNavigations) {
            options.setCapability("goog:loggingPrefs", Map.of("performance", "ALL"));
        }
        options.setBinary(BROWSER);
        if (downloads != null) {
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false));
        }
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + width + "," + height, "--user-data-dir=" + freshProfile());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static Path freshProfile() {
        try {
            return Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
