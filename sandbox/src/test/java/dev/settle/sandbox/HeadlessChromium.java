package dev.settle.sandbox;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The Debian Chromium and its chromedriver, headless, with a profile of its own, for the tests
 * that look at a page as a person would (the dashboard, PayPal's approval page). Both programs are
 * named, so Selenium Manager never runs, nor downloads anything. Shared with the examples' tests
 * through this module's test jar.
 */
public final class HeadlessChromium implements AutoCloseable {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final Path profile;
  private final ChromeDriverService driverService;
  private final WebDriver browser;

  private HeadlessChromium(Path profile, ChromeDriverService driverService, WebDriver browser) {
    this.profile = profile;
    this.driverService = driverService;
    this.browser = browser;
  }

  /**
   * Starts the browser, or skips the test without Chromium and chromedriver — except on CI
   * ({@code CI=true}), where they must be installed ({@code .ci/run} does), so it fails instead.
   *
   * @param pageLoad how long a page may take to load
   * @param arguments Chromium's arguments besides the headless and profile ones, such as a window size
   * @return the started browser; close it
   * @throws IOException if the profile folder cannot be made
   */
  public static HeadlessChromium start(Duration pageLoad, String... arguments) throws IOException {
    requireChromium();
    System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
    Path profile = Files.createTempDirectory("settle-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--user-data-dir=" + profile);
    options.addArguments(arguments);
    ChromeDriverService driverService = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    WebDriver browser = new ChromeDriver(driverService, options);
    browser.manage().timeouts().pageLoadTimeout(pageLoad);
    return new HeadlessChromium(profile, driverService, browser);
  }

  /** {@return the browser, to drive} */
  public WebDriver browser() {
    return browser;
  }

  /** Quits the browser and its driver, and removes the profile. */
  @Override
  public void close() {
    try {
      browser.quit();
    } finally {
      driverService.stop();
      deleteTree(profile);
    }
  }

  private static void requireChromium() {
    List<String> missing = new ArrayList<>();
    for (Path program : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(program)) {
        missing.add(program.toString());
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    String why = "The browser test needs " + String.join(" and ", missing)
        + " (Debian packages chromium and chromium-driver, which .ci/run installs)";
    if ("true".equals(System.getenv("CI"))) {
      fail(why + "; on CI (CI=true) it must run, so it fails instead of being skipped");
    }
    assumeTrue(false, why + "; skipped");
  }

  /** Best effort: Chromium may still be writing to its profile while it shuts down. */
  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // Left in the temp folder.
    }
  }
}
