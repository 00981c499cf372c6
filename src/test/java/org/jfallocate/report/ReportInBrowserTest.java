package org.jfallocate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jfallocate.testing.ChildProcess;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report page as a person sees it: opened from disk in a real headless Chromium (Debian's {@code chromium},
 * which .ci/run installs), every chart loaded, and a screenshot that is not blank. Skipped with the reason where
 * no browser is installed. The report and screenshot stay under target/report-browser-test/ to look at.
 */
class ReportInBrowserTest {

    private static final Path WORK = Path.of("target/report-browser-test").toAbsolutePath();

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static Optional<Path> chromium() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    private static String runChromium(Path browser, Path profile, List<String> extra) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + profile));
        cmd.addAll(extra);
        ChildProcess.Result r = ChildProcess.run(new ProcessBuilder(cmd), Duration.ofSeconds(90));
        assertEquals(0, r.exit(), () -> "chromium failed: " + r.stderr());
        return r.stdout();
    }

    @Test
    void reportPage_inHeadlessChromium_loadsEveryChart_andRendersNonBlank() throws Exception {
        Optional<Path> browser = chromium();
        Assumptions.assumeTrue(browser.isPresent(),
                "no chromium on PATH: install Debian's 'chromium' (bash .ci/run does) to render the report page");
        deleteTree(WORK);
        Files.createDirectories(WORK);
        Path a = RunFixture.alpha().writeUnder(WORK.resolve("results"));
        Path b = RunFixture.beta().writeUnder(WORK.resolve("results"));
        Path report = WORK.resolve("results/compare/report");
        ReportBuilder.build(List.of(a, b), report);
        String url = report.resolve("index.html").toUri().toString();
        int charts;
        try (Stream<Path> files = Files.list(report.resolve("charts"))) {
            charts = (int) files.count();
        }

        String dom = runChromium(browser.get(), Files.createTempDirectory(WORK, "profile"),
                List.of("--virtual-time-budget=10000", "--dump-dom", url));
        Matcher loaded = Pattern.compile("data-images-loaded=\"(\\d+)/(\\d+)\"").matcher(dom);
        assertTrue(loaded.find(), "the page's load handler did not run: " + dom.substring(0, Math.min(500, dom.length())));
        assertEquals(charts, Integer.parseInt(loaded.group(2)), "one <img> per chart file");
        assertEquals(charts, Integer.parseInt(loaded.group(1)), "every chart loaded with a non-zero size");
        assertTrue(charts >= 5, "charts: " + charts);

        Path shot = WORK.resolve("screenshot.png");
        runChromium(browser.get(), Files.createTempDirectory(WORK, "profile"),
                List.of("--window-size=1300,3000", "--screenshot=" + shot, url));
        BufferedImage image = ImageIO.read(shot.toFile());
        assertEquals(1300, image.getWidth());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 50, "screenshot looks blank: " + colours.size() + " colours");
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
