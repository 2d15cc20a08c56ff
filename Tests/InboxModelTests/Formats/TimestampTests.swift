import Foundation
import Testing
@testable import InboxModel

@Suite("Times as the import formats write them")
struct TimestampTests {
    @Test("times in every form the formats write", arguments: [
        ("2026-11-16T08:00:00Z", 1_794_816_000.0), ("2026-11-16T08:00:00.250Z", 1_794_816_000.25),
        ("2026-11-16T09:00:00+01:00", 1_794_816_000), ("2026-11-16T08:00:00+0000", 1_794_816_000),
        ("Mon Nov 16 08:00:00 +0000 2026", 1_794_816_000), ("1794816000", 1_794_816_000),
        ("2024-02-29T00:00:00Z", 1_709_164_800),
    ])
    func timestamps(text: String, seconds: Double) {
        #expect(Timestamp.parse(text) == Date(timeIntervalSince1970: seconds))
    }

    @Test("not times", arguments: ["gisteren", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-11-16T08:00:00",
                                   "2026-11-16T25:00:00Z", "Mon Foo 16 08:00:00 +0000 2026", "",
                                   // Years that overflowed the calendar arithmetic, and years no post has.
                                   "Mon Nov 16 08:00:00 +0000 300000000000", "Mon Nov 16 08:00:00 +0000 9223372036854775807",
                                   "Mon Nov 16 08:00:00 +0000 -5", "Mon Nov 16 -1:00:00 +0000 2026", "0969-01-01T00:00:00Z",
                                   "1e300", "99999999999999999999999"])
    func notTimestamps(text: String) {
        #expect(Timestamp.parse(text) == nil)
    }
}
