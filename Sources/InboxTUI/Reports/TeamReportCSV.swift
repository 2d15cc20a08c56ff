import InboxModel

/// `webcare report --csv`: the `--by` table for spreadsheets and scripts, one row per
/// group; times in seconds, shares from 0 to 1, empty where there is nothing to measure.
enum TeamReportCSV {
    static let header = "by,key,cases,replied,first_response_median_s,first_response_p90_s,within_deadline"

    static func render(_ report: TeamReport) -> String {
        var lines = [header]
        for group in report.groups {
            lines.append([report.by, group.key, "\(group.cases)", "\(group.replied)",
                          group.firstResponse.median.map(String.init) ?? "", group.firstResponse.p90.map(String.init) ?? "",
                          group.withinDeadline.map { String(format: "%.4f", $0) } ?? ""].map(field).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A field as RFC 4180 quotes it, controls and bidi overrides shown inert.
    static func field(_ value: String) -> String {
        let visible = VisibleText.line(value)
        guard visible.contains(where: { $0 == "," || $0 == "\"" }) else { return visible }
        return "\"" + visible.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
