import Foundation
import Testing
@testable import InboxModel

/// `--date-format` layouts, read in the zone `--timezone` gives.
@Suite struct DateFormatTests {
    static let amsterdam = TimeZone(identifier: "Europe/Amsterdam")!

    @Test(arguments: [
        ("dd.MM.yyyy HH:mm", "24.11.2026 09:15", 1_795_508_100.0),
        ("MM/dd/yy h:mm a", "11/24/26 9:15 AM", 1_795_508_100.0),
        ("MM/dd/yy h:mm a", "11/24/26 12:15 PM", 1_795_518_900.0),
        ("yyyyMMdd HHmmss", "20261124 091500", 1_795_508_100.0),
        ("d-M-yyyy H:mm:ss", "4-7-2026 9:15:00", 1_783_149_300.0),
    ])
    func layouts(layout: String, text: String, seconds: Double) throws {
        let format = try #require(DateFormat(layout))
        #expect(Timestamp.parseExport(text, zone: Self.amsterdam, format: format) == .time(Date(timeIntervalSince1970: seconds)))
    }

    @Test func whatALayoutDoesNotRead() throws {
        let format = try #require(DateFormat("dd.MM.yyyy HH:mm"))
        for text in ["24.11.2026 09:15 extra", "32.11.2026 09:15", "24.13.2026 09:15", ""] {
            #expect(Timestamp.parseExport(text, zone: Self.amsterdam, format: format) == .notATime, "\(text)")
        }
        #expect(Timestamp.parseExport("24.11.2026 09:15", zone: nil, format: format) == .noZone)
        #expect(Timestamp.parseExport("2026-11-24T08:15:00Z", zone: nil, format: format)
                == .time(Date(timeIntervalSince1970: 1_795_508_100)), "the common forms still read")
    }

    @Test func layoutsThatCannotBeATime() {
        #expect(DateFormat("dd.MM.yyyy") == nil && DateFormat("HH:mm") == nil && DateFormat("") == nil)
    }
}

/// What error messages quote of a record shows it inert, as written, and short.
@Suite struct QuotedValueTests {
    @Test func controlsAndOverridesShowAsPlaceholders() {
        let quoted = ImportProblem.quoted("My\u{1B}[2JSpace\u{202E}gnp.exe")
        #expect(!quoted.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" })
        #expect(quoted.hasPrefix("'My") && quoted.contains("Space"))
    }

    @Test func asWrittenAndCutTo80() {
        #expect(ImportProblem.quoted("MySpace") == "'MySpace'")
        let long = ImportProblem.quoted(String(repeating: "x", count: 200))
        #expect(long.count == 82 && long.hasSuffix("…'"))
    }
}
