import Foundation
import Testing
@testable import InboxTUI

/// The demo's built-in sample is sample-data/mentions.jsonl; rerun
/// scripts/generate-sample-mentions.py when this fails.
@Test func builtInSampleIsTheSampleFile() throws {
    let file = try String(contentsOfFile: StoreCommandTests.sample + "/mentions.jsonl", encoding: .utf8)
    #expect(SampleMentions.jsonLines + "\n" == file)
}
