package io.cachewatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.testing.CachewatchJar;
import io.cachewatch.testing.CloudWatchBridge;
import io.cachewatch.testing.DemoFleet;
import io.cachewatch.testing.MotoServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * The console in a real browser: Debian's chromium driven by its chromedriver through Selenium WebDriver, headless,
 * against {@code serve} (the packaged jar) on the moto demo fleet with one alarm forced into ALARM.
 */
class ConsoleBrowserIT {
    private static final String FIRING = "cachewatch-elasticache/orders-002/0001/cpu-high";
    private static final Path SCREENSHOTS = Path.of(System.getProperty("cachewatch.project.dir", "."), "target", "screenshots");

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static MotoServer moto;
    private static CloudWatchBridge bridge;
    private CachewatchJar.Running serve;
    private ChromeDriver browser;

    @BeforeAll
    static void startServers() {
        moto = MotoServer.start();
        bridge = CloudWatchBridge.start(moto.endpoint());
    }

    @AfterAll
    static void stopServers() {
        bridge.close();
        moto.close();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (serve != null && serve.process().isAlive()) {
            serve.terminate(Duration.ofSeconds(30));
        }
    }

    @Test
    void fleetPageShowsEveryClusterWithTheFiringAlarmOnTopAndEachClusterPageItsNodesAndAlarms(@TempDir Path profile) throws Exception {
        List<String> clusters = new DemoFleet(moto.endpoint()).seedStandard();
        int port = MotoServer.freePort();
        serve = CachewatchJar.packaged().against(moto, bridge).env("QUARKUS_HTTP_PORT", Integer.toString(port))
                .env("CACHEWATCH_SERVE_FIRST_RUN_DELAY", "100ms").env("CACHEWATCH_SERVE_RECONCILE_INTERVAL", "2s")
                .env("CACHEWATCH_SERVE_SLOWLOG_ENABLED", "false").start("serve");
        String base = "http://127.0.0.1:" + port;
        await(Duration.ofSeconds(180), () -> get(base + "/status.json").contains("\"inSync\":") && alarmExists(FIRING));

        try (CloudWatchClient cw = cloudWatch()) {
            cw.setAlarmState(b -> b.alarmName(FIRING).stateValue(StateValue.ALARM).stateReason("forced by the browser test"));
        }
        // the next scheduled run's DescribeAlarms sees the state
        await(Duration.ofSeconds(120), () -> get(base + "/status.json").contains("\"state\":\"ALARM\""));
        // serve's first audit follows the first reconcile
        await(Duration.ofSeconds(120), () -> get(base + "/status.json").contains("\"lastAudit\":\""));

        browser = chromium(profile);
        browser.get(base + "/status");
        assertThat(browser.getTitle()).startsWith("(1 firing) cachewatch status");
        List<WebElement> rows = browser.findElements(By.cssSelector("#clusters tr.cluster"));
        assertThat(rows).extracting(r -> r.getDomAttribute("data-cluster")).containsExactlyInAnyOrderElementsOf(clusters);
        WebElement top = rows.get(0);
        assertThat(top.getDomAttribute("data-cluster")).isEqualTo("orders");
        assertThat(top.getDomAttribute("class")).contains("firing");
        WebElement alarmLink = top.findElement(By.cssSelector("a.firing-alarm"));
        assertThat(alarmLink.getText()).isEqualTo("cpu-high (orders-002/0001)");
        assertThat(alarmLink.getDomAttribute("href")).isEqualTo("https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1"
                + "#alarmsV2:alarm/cachewatch-elasticache%2Forders-002%2F0001%2Fcpu-high");
        for (WebElement row : rows.subList(1, rows.size())) {
            assertThat(row.findElement(By.cssSelector("td[data-label=firing]")).getText()).isEqualTo("none");
        }
        assertThat(browser.findElement(By.cssSelector("h1")).getText()).contains(clusters.size() + " clusters", "1 firing");
        assertThat(top.findElement(By.cssSelector("td[data-label=dashboard] a")).getDomAttribute("href"))
                .endsWith("#dashboards/dashboard/cachewatch-us-east-1-elasticache-orders");
        screenshot("fleet");

        browser.findElement(By.cssSelector("input[name=firing]")).click();
        browser.findElement(By.cssSelector("form button")).click();
        await(Duration.ofSeconds(20), () -> browser.getCurrentUrl().contains("firing=")); // the click navigates asynchronously
        assertThat(browser.findElements(By.cssSelector("#clusters tr.cluster"))).extracting(r -> r.getDomAttribute("data-cluster"))
                .containsExactly("orders");

        browser.findElement(By.cssSelector("a.cluster-link")).click();
        await(Duration.ofSeconds(20), () -> browser.getCurrentUrl().equals(base + "/status/default/us-east-1/orders"));
        assertThat(browser.findElement(By.id("cluster")).getText()).isEqualTo("orders 1 firing");
        assertThat(browser.findElements(By.cssSelector("#nodes tr.node td[data-label='cache cluster']")))
                .extracting(WebElement::getText).containsExactly("orders-001", "orders-002", "orders-003");
        List<WebElement> alarms = browser.findElements(By.cssSelector("#alarms tr.alarm"));
        assertThat(alarms).hasSizeGreaterThan(3);
        WebElement first = alarms.get(0);
        assertThat(first.findElement(By.cssSelector("td[data-label=state]")).getText()).isEqualTo("ALARM");
        assertThat(first.findElement(By.cssSelector("td[data-label=node]")).getText()).isEqualTo("orders-002/0001");
        assertThat(first.findElement(By.cssSelector("td[data-label=threshold]")).getText()).matches("\\d+(\\.\\d+)?");
        assertThat(alarms.subList(1, alarms.size())).allSatisfy(a ->
                assertThat(a.findElement(By.cssSelector("td[data-label=state]")).getText()).isIn("OK", "INSUFFICIENT_DATA"));
        assertThat(browser.findElement(By.id("dashboard")).getDomAttribute("href")).endsWith("cachewatch-us-east-1-elasticache-orders");
        // the demo's orders group has no AUTH token: its failing audit results, each with a remediation
        List<WebElement> audit = browser.findElements(By.cssSelector("div.audit-result"));
        assertThat(audit).isNotEmpty().anySatisfy(a -> assertThat(a.getText()).contains("(authentication): no AUTH token"))
                .allSatisfy(a -> assertThat(a.findElements(By.cssSelector("ul.advice li"))).isNotEmpty());
        screenshot("cluster-orders");

        // at phone width the table reads as one card per cluster, every value labelled
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(base + "/status");
        assertThat(browser.findElement(By.cssSelector("#clusters thead")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.cssSelector("#clusters tr.cluster")).getSize().getWidth()).isLessThanOrEqualTo(390);
        screenshot("fleet-phone");
    }

    private static ChromeDriver chromium(Path profile) {
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve("console-" + name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static CloudWatchClient cloudWatch() {
        return CloudWatchClient.builder().endpointOverride(bridge.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(ApacheHttpClient.create()).build();
    }

    private static boolean alarmExists(String name) {
        try (CloudWatchClient cw = cloudWatch()) {
            return !cw.describeAlarms(b -> b.alarmNames(name)).metricAlarms().isEmpty();
        }
    }

    private static String get(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return ""; // not listening yet, or a request timed out: asked again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + timeout);
            }
            Thread.sleep(250);
        }
    }
}
