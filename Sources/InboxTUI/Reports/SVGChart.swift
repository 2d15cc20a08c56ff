import Foundation
import InboxModel

/// Bar charts as inline SVG for the HTML report: drawn to a view box and scaled to the
/// width of their column, so they never overflow the page; labels escaped for XML with
/// controls shown inert.
enum SVGChart {
    struct Bar {
        var label: String
        var value: Double
        /// What the bar's end says (the value as people read it).
        var caption: String
    }

    static let barColour = "#2b6cb0"

    /// Vertical bars, one per label, for a series (volume per day, waits per bucket).
    static func columns(_ bars: [Bar], title: String) -> String {
        let width = 640.0, height = 240.0, bottom = 40.0, top = 20.0
        let most = max(bars.map(\.value).max() ?? 0, 1)
        let step = width / Double(max(bars.count, 1))
        var shapes = ""
        for (index, bar) in bars.enumerated() {
            let x = Double(index) * step + step * 0.15, barWidth = step * 0.7
            let barHeight = (height - top - bottom) * bar.value / most
            let y = height - bottom - barHeight
            shapes += rect(x: x, y: y, width: barWidth, height: barHeight)
            shapes += text(bar.caption, x: x + barWidth / 2, y: y - 4, anchor: "middle")
            shapes += text(bar.label, x: x + barWidth / 2, y: height - bottom + 16, anchor: "middle")
        }
        return svg(width: width, height: height, title: title, shapes)
    }

    /// Horizontal bars with their labels on the left (share per kind, replies per agent).
    static func rows(_ bars: [Bar], maximum: Double? = nil, title: String) -> String {
        let width = 640.0, rowHeight = 28.0, labelWidth = 160.0, captionWidth = 80.0
        let height = rowHeight * Double(max(bars.count, 1)) + 8
        let most = max(maximum ?? bars.map(\.value).max() ?? 0, 0.000_001)
        var shapes = ""
        for (index, bar) in bars.enumerated() {
            let y = Double(index) * rowHeight + 4
            let barWidth = (width - labelWidth - captionWidth) * min(bar.value / most, 1)
            shapes += text(bar.label, x: labelWidth - 8, y: y + 18, anchor: "end")
            shapes += rect(x: labelWidth, y: y + 4, width: barWidth, height: rowHeight - 8)
            shapes += text(bar.caption, x: labelWidth + barWidth + 6, y: y + 18, anchor: "start")
        }
        return svg(width: width, height: height, title: title, shapes)
    }

    private static func svg(width: Double, height: Double, title: String, _ shapes: String) -> String {
        """
        <svg class="chart" viewBox="0 0 \(number(width)) \(number(height))" role="img" \
        aria-label="\(HTMLText.escaped(title))" xmlns="http://www.w3.org/2000/svg"><title>\(HTMLText.escaped(title))</title>\
        \(shapes)</svg>
        """
    }

    private static func rect(x: Double, y: Double, width: Double, height: Double) -> String {
        "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(width))\" height=\"\(number(height))\" fill=\"\(barColour)\"/>"
    }

    private static func text(_ value: String, x: Double, y: Double, anchor: String) -> String {
        "<text x=\"\(number(x))\" y=\"\(number(y))\" text-anchor=\"\(anchor)\">\(HTMLText.escaped(value))</text>"
    }

    private static func number(_ value: Double) -> String { String(format: "%.1f", value) }
}

/// Text from the data as HTML shows it: markup characters escaped, controls and bidi
/// overrides as visible placeholders.
enum HTMLText {
    static func escaped(_ text: String) -> String {
        var out = ""
        for character in VisibleText.line(text) {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
