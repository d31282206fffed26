package dev.hookyard.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser, Debian's headless Chromium driven through its chromedriver, against the real
 * {@code bin/hookyard run} of the unpacked distribution with the management token set and the http-forward example
 * plugin linked in (forwarding to a server of this test that fails until the test "fixes" it). It signs in, watches
 * a good and a forged delivery arrive in the live tail, filters the list, opens a delivery and replays it, bulk
 * replays a handler's dead letters after the fix, sends a signed test delivery from the vendors page, and checks that
 * no secret reaches a page or the event stream and that a form post without the CSRF token is refused. Each page is
 * saved as a PNG in {@code docs/console/} (the README shows them).
 */
class ConsoleBrowserIT {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
    private static final String TOKEN = "console-it-token-5e0b9c1d7a";
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Pattern MANAGEMENT = Pattern.compile("Management API on http://[^\\s:]+:(\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path work;

    private ChildServer server;
    private HttpServer forwardTarget;
    private ChromeDriver browser;
    private URI receiver;
    private String console;
    /** Every page the browser showed, for the no-secret check. */
    private final List<String> pages = new ArrayList<>();
    private final AtomicBoolean forwardFails = new AtomicBoolean(true);
    private final AtomicInteger forwarded = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        requireChromium();
        forwardTarget = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        forwardTarget.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            forwarded.incrementAndGet();
            exchange.sendResponseHeaders(forwardFails.get() ? 500 : 200, -1);
            exchange.close();
        });
        forwardTarget.start();

        Path home = ChildServer.distributionHome();
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Files.createSymbolicLink(plugins.resolve("http-forward"), home.resolve("plugins-available/http-forward"));
        Path config = Files.writeString(work.resolve("hookyard.yaml"), String.join("\n",
                "server: { host: 127.0.0.1, port: 0 }",
                "management: { host: 127.0.0.1, port: 0, token: \"${env:HOOKYARD_MANAGEMENT_TOKEN}\" }",
                "store: { path: '" + ChildServer.quoted(work.resolve("store")) + "' }",
                "endpoints:",
                "  least: { vendor: least, path: /hooks/least, secrets: [\"${env:LEAST_SECRET}\"] }",
                "handlers:",
                "  log: { type: log }",
                "  forward: { type: http-forward, options: { url: \"${env:FORWARD_URL}\" },"
                        + " retry: { maxAttempts: 1 } }",
                "routes:",
                "  - { from: least, events: [\"*\"], to: [log, forward] }",
                ""));
        server = ChildServer.start(home.resolve("bin/hookyard"), work, Map.of(
                        "HOOKYARD_MANAGEMENT_TOKEN", TOKEN,
                        "FORWARD_URL", "http://127.0.0.1:" + forwardTarget.getAddress().getPort() + "/hook"),
                "run", "--config", config.toString(), "--plugins", plugins.toString());
        receiver = server.awaitReady();
        Matcher management = MANAGEMENT.matcher(server.awaitLine(l -> MANAGEMENT.matcher(l).find(),
                "the management API's line"));
        assertTrue(management.find());
        console = "http://127.0.0.1:" + management.group(1);
        browser = chromium();
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop();
        }
        if (forwardTarget != null) {
            forwardTarget.stop(0);
        }
    }

    /** Fails, saying how to install it, when the system's Chromium or its driver is missing: never skips. */
    private static void requireChromium() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("the console's browser test needs Debian's Chromium and its driver at " + CHROMIUM + " and "
                    + CHROMEDRIVER + ": install them with 'sudo apt-get install -y chromium chromium-driver'"
                    + " (.ci/run does)");
        }
    }

    private static ChromeDriver chromium() {
        // Both paths given: Selenium Manager, which would download a browser or driver, is never asked.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--window-size=1280,900", "--disable-dev-shm-usage");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    @Test
    void anOperatorSeesDeliveriesAndRefusalsReplaysThemAndTestsAnEndpoint() throws Exception {
        signIn();

        // The live tail: a good delivery and a forged one appear within the deadline.
        open("/console/tail");
        await("the live tail to connect", () -> text("tail-status").equals("connected"));
        byte[] good = body(1);
        assertEquals(200, deliver(good, LeastSigning.signature(ChildServer.SECRET, good)).statusCode());
        byte[] forgedBody = body(2);
        assertEquals(401, deliver(forgedBody, LeastSigning.signature("not-the-secret", forgedBody)).statusCode());
        await("the accepted delivery in the tail", () -> rowsText("tail-rows").contains("accepted"));
        await("the forged delivery as refused, with its reason",
                () -> rowsText("tail-rows").contains("reason mismatch, client 127.0.0.1"));
        WebElement pause = browser.findElement(By.id("tail-pause"));
        pause.click();
        assertEquals("paused", text("tail-status"));
        screenshot("tail");
        pause.click();
        await("the tail to reconnect", () -> text("tail-status").equals("connected"));
        keep();

        // Two more deliveries for the dead letters; the forward handler fails every call until it is fixed.
        for (int i = 3; i <= 4; i++) {
            byte[] more = body(i);
            assertEquals(200, deliver(more, LeastSigning.signature(ChildServer.SECRET, more)).statusCode());
        }

        // The list, filtered through its form; the filter lands in the URL.
        open("/console/deliveries");
        browser.findElement(By.name("type")).sendKeys("record.*");
        new Select(browser.findElement(By.name("handler"))).selectByVisibleText("forward");
        new Select(browser.findElement(By.name("handlerStatus"))).selectByVisibleText("dead");
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        await("three dead letters of forward, newest first", () -> {
            browser.navigate().refresh();
            return deliveryIds().equals(List.of(3L, 2L, 1L));
        });
        assertTrue(browser.getCurrentUrl().contains("handler=forward") && browser.getCurrentUrl()
                .contains("handlerStatus=dead"), browser.getCurrentUrl());
        screenshot("deliveries");
        keep();
        String filtered = browser.getCurrentUrl();

        // One delivery: its runs, headers (signature masked), body; replay it to log and see the new attempt.
        browser.findElement(By.linkText("1")).click();
        await("delivery 1", () -> browser.findElement(By.tagName("h1")).getText().startsWith("Delivery 1"));
        String page = browser.getPageSource();
        assertTrue(page.contains("record.created") && page.contains("****"), "the masked signature is shown");
        assertTrue(page.contains("bin/hookyard send --vendor"), "the send command");
        String logBefore = runText("log");
        assertTrue(runText("forward").contains("dead"), runText("forward"));
        screenshot("delivery");
        keep();
        browser.findElement(By.xpath("//form[input[@name='handler' and @value='log']]/button")).click();
        await("the replay notice", () -> browser.findElements(By.cssSelector("p.notice")).size() == 1);
        await("log's new attempt", () -> {
            browser.navigate().refresh();
            String log = runText("log");
            return log.contains("done") && !log.equals(logBefore);
        });
        keep();

        // The handler is fixed: its dead letters are counted first, then replayed, and then done.
        forwardFails.set(false);
        browser.get(filtered);
        Select to = new Select(browser.findElement(By.name("to")));
        assertEquals("only forward", to.getFirstSelectedOption().getText(), "the filter's handler is preselected");
        browser.findElement(By.cssSelector("section.bulk button[type=submit]")).click();
        await("the dry run's count", () -> text("replay-summary").startsWith("3 deliveries match; 3 would be"));
        screenshot("bulk-replay");
        keep();
        browser.findElement(By.cssSelector("button.danger")).click();
        await("the replay's count", () -> text("replay-summary").startsWith("3 deliveries match; 3 replayed"));
        await("no dead letter of forward left", () -> {
            browser.get(filtered);
            return deliveryIds().isEmpty();
        });
        keep();

        // A signed test delivery from the vendors page, signed on the server.
        open("/console/vendors");
        new Select(browser.findElement(By.cssSelector("form.inline select[name=type]")))
                .selectByVisibleText("record.archived");
        browser.findElement(By.cssSelector("form.inline button[type=submit]")).click();
        await("the test delivery's answer", () -> text("test-result").contains("HTTP 200"));
        keep();
        open("/console/vendors");
        screenshot("vendors");
        keep();

        open("/");
        assertTrue(browser.getPageSource().contains("refused: mismatch"), "the chart's legend has the refusal");
        screenshot("overview");
        keep();
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        screenshot("overview-dark");
        browser.manage().window().setSize(new Dimension(390, 844));
        open("/console/deliveries");
        screenshot("deliveries-phone");
        keep();

        noSecretInAnyPageOrTheEventStream();
        aFormPostWithoutTheCsrfTokenIsRefused();
    }

    private void signIn() {
        open("/");
        assertTrue(browser.getCurrentUrl().endsWith("/console/sign-in"), browser.getCurrentUrl());
        screenshot("sign-in");
        browser.findElement(By.id("token")).sendKeys(TOKEN);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        await("the overview after signing in", () -> browser.findElement(By.tagName("h1")).getText()
                .equals("Overview"));
        Cookie session = browser.manage().getCookieNamed("hookyard_console");
        assertTrue(session != null && session.isHttpOnly() && "Strict".equals(session.getSameSite()),
                "an HttpOnly SameSite=Strict session cookie: " + session);
    }

    private void noSecretInAnyPageOrTheEventStream() throws Exception {
        // The event stream, read as a script would (bearer token) while a good and a forged delivery arrive.
        HttpRequest request = HttpRequest.newBuilder(URI.create(console + "/console/tail/events"))
                .header("Authorization", "Bearer " + TOKEN).GET().build();
        CompletableFuture<HttpResponse<Stream<String>>> stream = HTTP.sendAsync(request,
                HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> events = stream.get();
        assertEquals(200, events.statusCode());
        List<String> lines = new ArrayList<>();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> events.body()
                .takeWhile(line -> !line.contains("\"reason\":\"mismatch\""))
                .forEach(line -> {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }));
        byte[] good = body(10);
        String signature = LeastSigning.signature(ChildServer.SECRET, good);
        byte[] forged = body(11);
        String forgedSignature = LeastSigning.signature("not-the-secret", forged);
        await("the stream to be read", () -> {
            synchronized (lines) {
                return lines.stream().anyMatch(l -> l.startsWith(": connected"));
            }
        });
        deliver(good, signature);
        deliver(forged, forgedSignature);
        reading.get(DEADLINE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        events.body().close();
        String streamed = String.join("\n", lines);
        assertTrue(streamed.contains("event: accepted"), streamed);

        List<String> secrets = List.of(ChildServer.SECRET, TOKEN, signature.substring(7), forgedSignature.substring(7),
                "http://127.0.0.1:" + forwardTarget.getAddress().getPort() + "/hook");
        for (String secret : secrets) {
            assertFalse(streamed.contains(secret), "the event stream shows a secret");
            for (String page : pages) {
                assertFalse(page.contains(secret), "a page shows a secret or the forward URL:\n" + page);
            }
        }
        assertFalse(streamed.contains("record_id"), "no body in the stream");
    }

    private void aFormPostWithoutTheCsrfTokenIsRefused() {
        Cookie session = browser.manage().getCookieNamed("hookyard_console");
        for (String form : List.of("", "csrf=forged")) {
            HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(console
                            + "/console/deliveries/1/replay"))
                    .header("Cookie", session.getName() + "=" + session.getValue())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
            assertEquals(403, refused.statusCode(), refused.body());
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static byte[] body(int recordId) {
        return ("{\"event\":\"record.created\",\"record_id\":" + recordId + "}").getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> deliver(byte[] body, String signature) {
        return send(HttpRequest.newBuilder(receiver.resolve("/hooks/least"))
                .header("Content-Type", "application/json").header("X-LEAST-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void open(String path) {
        browser.get(console + path);
    }

    private void keep() {
        pages.add(browser.getPageSource());
    }

    private String text(String id) {
        List<WebElement> found = browser.findElements(By.id(id));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    private String rowsText(String id) {
        return text(id);
    }

    private String runText(String handler) {
        return browser.findElement(By.xpath("//ol[@class='timeline']/li[div/strong[text()='" + handler + "']]"))
                .getText();
    }

    private List<Long> deliveryIds() {
        return browser.findElements(By.cssSelector("table.deliveries tbody td.num a")).stream()
                .map(a -> Long.parseLong(a.getText())).toList();
    }

    /** Polls {@code condition} (a browser's own wait, no sleep) until it holds or the deadline passes. */
    private void await(String what, java.util.function.BooleanSupplier condition) {
        try {
            new WebDriverWait(browser, DEADLINE).withMessage(what).until(driver -> condition.getAsBoolean());
        } catch (org.openqa.selenium.TimeoutException e) {
            fail("no " + what + " within " + DEADLINE.toSeconds() + "s; page:\n" + browser.getPageSource()
                    + "\n" + server.transcript(60));
        }
    }

    /** The page as {@code docs/console/NAME.png}, where the README links it. */
    private void screenshot(String name) {
        String directory = System.getProperty("hookyard.console.screenshots");
        Path target = directory != null ? Paths.get(directory) : work.resolve("screenshots");
        try {
            Files.createDirectories(target);
            Files.write(target.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
