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
 * which .ci/run installs) at 1400 px and at a phone's 390 px: every chart loaded, the recommendation first, nothing
 * sticking out of its container, and screenshots that are not blank. Skipped with the reason where no browser is
 * installed. The reports and screenshots stay under target/report-browser-test/ to look at.
 */
class ReportInBrowserTest {

    private static final Path WORK = Path.of("target/report-browser-test").toAbsolutePath();

    @BeforeAll
    static void headless() throws IOException {
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(WORK);
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

    /**
     * Injected into a copy of the page (beside it, so the charts resolve), which is shown in an iframe of the
     * width to check (headless Chromium's window is never narrower than 500 px): opens every collapsed section, lists
     * each element that sticks out of its parent or makes the page scroll sideways, whether the recommendation is
     * the first thing in {@code <main>}, and how many images loaded, and posts that to the frame's page.
     */
    private static final String LAYOUT_CHECK = """
            <script>
            window.addEventListener('load', function () {
              document.querySelectorAll('details').forEach(function (d) { d.open = true; });
              function name(el) { return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className ? '.' + el.className : ''); }
              var problems = [];
              var width = document.documentElement.clientWidth;
              if (document.documentElement.scrollWidth > width + 1) {
                problems.push('page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + width);
              }
              document.querySelectorAll('body *').forEach(function (el) {
                var box = el.closest('.table-box');
                if (box && box !== el) return; // a wide table scrolls inside its own box
                var r = el.getBoundingClientRect();
                if (r.width === 0 || el.tagName === 'SCRIPT' || el.id === 'layout-check') return;
                var p = el.parentElement.getBoundingClientRect();
                if (r.right > p.right + 1 || r.left < p.left - 1) {
                  problems.push(name(el) + ' [' + Math.round(r.left) + ', ' + Math.round(r.right) + '] outside ' + name(el.parentElement)
                    + ' [' + Math.round(p.left) + ', ' + Math.round(p.right) + ']: ' + (el.textContent || '').trim().substring(0, 60));
                }
              });
              var ok = 0;
              for (var i = 0; i < document.images.length; i++) {
                if (document.images[i].complete && document.images[i].naturalWidth > 0) ok++;
              }
              var main = document.querySelector('main');
              var bodyChildren = Array.prototype.map.call(document.body.children, name).join(' ');
              parent.postMessage('images=' + ok + '/' + document.images.length + '\\n'
                + 'first=' + (main && main.firstElementChild ? name(main.firstElementChild) : 'none') + '\\n'
                + 'body=' + bodyChildren + '\\n'
                + 'width=' + width + '\\n'
                + 'problems=' + problems.length + '\\n' + problems.slice(0, 30).join('\\n'), '*');
            });
            </script>
            """;

    private record Layout(int imagesLoaded, int images, String first, String body, int width, List<String> problems) {
    }

    private static Layout layout(Path browser, Path report, int width) throws Exception {
        Path page = report.resolve("index-layout-check.html");
        Path frame = report.resolve("layout-check-frame.html");
        Files.writeString(page, Files.readString(report.resolve("index.html")).replace("</body>", LAYOUT_CHECK + "</body>"));
        Files.writeString(frame, """
                <!DOCTYPE html><html><body style="margin:0">
                <iframe src="index-layout-check.html" style="width:%dpx;height:2000px;border:0"></iframe>
                <script>window.addEventListener('message', function (e) {
                  var p = document.createElement('pre'); p.id = 'layout-check'; p.textContent = e.data; document.body.appendChild(p);
                });</script>
                </body></html>
                """.formatted(width));
        String dom = runChromium(browser, Files.createTempDirectory(WORK, "profile"), List.of("--window-size="
                + (width + 100) + ",2100", "--virtual-time-budget=15000", "--dump-dom", frame.toUri().toString()));
        Files.delete(page);
        Files.delete(frame);
        Matcher m = Pattern.compile("<pre id=\"layout-check\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
        assertTrue(m.find(), "the layout check did not run at " + width + " px: " + dom.substring(0, Math.min(500, dom.length())));
        List<String> lines = m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").lines().toList();
        String[] images = lines.get(0).substring("images=".length()).split("/");
        return new Layout(Integer.parseInt(images[0]), Integer.parseInt(images[1]), lines.get(1).substring("first=".length()),
                lines.get(2).substring("body=".length()), Integer.parseInt(lines.get(3).substring("width=".length())),
                lines.subList(5, lines.size()));
    }

    private static void checkAsAPersonSeesIt(Path browser, Path report, String name, int minCharts) throws Exception {
        int charts;
        try (Stream<Path> files = Files.list(report.resolve("charts"))) {
            charts = (int) files.count();
        }
        assertTrue(charts >= minCharts, "charts: " + charts);
        for (int width : List.of(1400, 390)) {
            Layout l = layout(browser, report, width);
            assertEquals(width, l.width(), "the page was laid out at the width asked for");
            assertEquals(charts, l.images(), "one <img> per chart file");
            assertEquals(charts, l.imagesLoaded(), "every chart loaded with a non-zero size at " + width + " px");
            assertEquals("section#recommendation.recommendation", l.first(), "the recommendation opens <main>");
            assertTrue(l.body().startsWith("header main"), "only the title's header comes before <main>: " + l.body());
            assertEquals(List.of(), l.problems(), "nothing sticks out of its container at " + width + " px");

            Path shot = WORK.resolve("screenshot-" + name + "-" + width + ".png");
            runChromium(browser, Files.createTempDirectory(WORK, "profile"), List.of("--window-size=" + width + ","
                    + (width > 1000 ? 2400 : 2000), "--screenshot=" + shot, report.resolve("index.html").toUri().toString()));
            BufferedImage image = ImageIO.read(shot.toFile());
            assertEquals(width, image.getWidth());
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < image.getHeight(); y += 7) {
                for (int x = 0; x < image.getWidth(); x += 7) {
                    colours.add(image.getRGB(x, y));
                }
            }
            assertTrue(colours.size() > 50, "screenshot looks blank: " + colours.size() + " colours");
        }
    }

    @Test
    void comparedRuns_inHeadlessChromium_loadEveryChart_openWithTheRecommendation_andFitAtTwoWidths() throws Exception {
        Optional<Path> browser = chromium();
        Assumptions.assumeTrue(browser.isPresent(),
                "no chromium on PATH: install Debian's 'chromium' (bash .ci/run does) to render the report page");
        Path dir = WORK.resolve("compare");
        deleteTree(dir);
        Files.createDirectories(dir);
        Path a = RunFixture.alpha().writeUnder(dir.resolve("results"));
        Path b = RunFixture.beta().writeUnder(dir.resolve("results"));
        Path report = dir.resolve("results/compare/report");
        ReportBuilder.build(List.of(a, b), report);
        assertTrue(Files.readString(report.resolve("index.html")).contains("Your machine against the reference"));
        checkAsAPersonSeesIt(browser.get(), report, "compare", 5);
    }

    @Test
    void thePublishedRun_inHeadlessChromium_loadsEveryChart_opensWithTheRecommendation_andFitsAtTwoWidths() throws Exception {
        Optional<Path> browser = chromium();
        Assumptions.assumeTrue(browser.isPresent(),
                "no chromium on PATH: install Debian's 'chromium' (bash .ci/run does) to render the report page");
        Path report = WORK.resolve("published/report");
        deleteTree(report);
        Files.createDirectories(report.getParent());
        ReportBuilder.build(List.of(Path.of("results/20261202-005844-vm")), report);
        checkAsAPersonSeesIt(browser.get(), report, "published", 8);
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
