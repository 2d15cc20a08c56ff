import Foundation
import Testing

/// `webcare report --html`: the page a team lead mails, rendered by a real browser
/// (headless Chromium, installed by scripts/test) at 1280 px: its charts are drawn and
/// nothing is wider than the window. The screenshot is kept in the scratch directory
/// while the test runs (WEBCARE_KEEP_SCREENSHOT=DIR copies it out to look at).
@Suite struct ReportHTMLTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// Measures the page as the browser laid it out, into an attribute `--dump-dom` prints.
    static let probe = """
        <script>
        addEventListener('load', () => {
          const width = innerWidth;
          const charts = [...document.querySelectorAll('svg.chart')];
          const bars = charts.map(c => [...c.querySelectorAll('rect')].filter(r => r.getBoundingClientRect().height > 0
            && r.getBoundingClientRect().width > 0).length);
          const widest = Math.max(...[...document.querySelectorAll('body *')].map(e => e.getBoundingClientRect().right));
          document.body.setAttribute('data-probe', JSON.stringify({width, scrollWidth: document.documentElement.scrollWidth,
            widest, charts: charts.length, bars}));
        });
        </script>
        """

    @Test func theReportPageDrawsItsChartsWithinTheWindow() throws {
        let browser = try #require(Self.chromium, "headless Chromium is needed: scripts/test installs Debian's chromium")
        let scratch = try ReportCommandTests.scratch()
        defer { scratch.remove() }
        let page = scratch.path + "/report.html"
        let written = try WebcareProcess.run(["report", "--from", "2026-11-16", "--to", "2026-11-22", "--html", page,
                                              "--db", scratch.database], environment: ReportCommandTests.utc)
        #expect(written.status == 0 && written.stdout == "report written to \(page)\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: page)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("<link"), "nothing is fetched or run")
        #expect(!html.contains("\u{202E}") && !html.contains("\u{1B}"))

        let probed = scratch.path + "/probed.html"
        try html.replacingOccurrences(of: "</body>", with: Self.probe + "</body>").write(toFile: probed, atomically: true,
                                                                                         encoding: .utf8)
        // The browser keeps its profile, caches and crash reports in the scratch directory.
        let profile = scratch.path + "/chromium"
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,2000", "--hide-scrollbars",
                      "--user-data-dir=" + profile, "--no-first-run"]
        let home = ["HOME": profile, "XDG_CONFIG_HOME": profile, "XDG_CACHE_HOME": profile]
        let dom = try WebcareProcess.run(common + ["--virtual-time-budget=5000", "--dump-dom", "file://" + probed],
                                         environment: home, executable: browser)
        let json = try #require(dom.stdout.firstMatch(of: /data-probe="([^"]*)"/)?.1, "the probe ran: \(dom.stderr)")
        let probe = try #require(try JSONSerialization.jsonObject(
            with: Data(String(json).replacingOccurrences(of: "&quot;", with: "\"").utf8)) as? [String: Any])
        #expect(probe["width"] as? Int == 1280)
        #expect((probe["scrollWidth"] as? Int ?? .max) <= 1280, "nothing scrolls sideways: \(probe)")
        #expect((probe["widest"] as? Double ?? .infinity) <= 1280, "no element reaches past the window: \(probe)")
        #expect(probe["charts"] as? Int == 4)
        // Both mentions on Monday, one first response, the question's deadline met (the
        // complaint's missed: a bar of nothing), one agent.
        let bars = probe["bars"] as? [Int] ?? []
        #expect(bars == [1, 1, 1, 1], "every chart has its bars: \(bars)")

        let screenshot = scratch.path + "/report.png"
        let shot = try WebcareProcess.run(common + ["--screenshot=" + screenshot, "file://" + page], environment: home,
                                          executable: browser)
        let png = try #require(FileManager.default.contents(atPath: screenshot), "no screenshot: \(shot.stderr)")
        // A PNG starts with its signature, then the IHDR chunk naming its width (bytes 16-19).
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        #expect(png.subdata(in: 16..<20).reduce(0) { $0 << 8 | UInt32($1) } == 1280)
        if let keep = ProcessInfo.processInfo.environment["WEBCARE_KEEP_SCREENSHOT"] {
            try? FileManager.default.removeItem(atPath: keep + "/report.png")
            try FileManager.default.copyItem(atPath: screenshot, toPath: keep + "/report.png")
        }
    }
}
