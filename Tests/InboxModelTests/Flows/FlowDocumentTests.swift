import Foundation
import Testing
import InboxModel

/// docs/flows.md must be what `webcare flows` prints from the machines today.
@Suite struct FlowDocumentTests {
    static let path = URL(filePath: #filePath).deletingLastPathComponent()
        .appending(path: "../../../docs/flows.md").standardized

    @Test func docsFlowsMatchesTheMachines() throws {
        let generated = FlowDocument.markdown()
        if ProcessInfo.processInfo.environment["WEBCARE_RECORD"] == "1" {
            try generated.write(to: Self.path, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOf: Self.path, encoding: .utf8)
        #expect(committed == generated,
                "docs/flows.md is out of date: run `swift run webcare flows > docs/flows.md` (or WEBCARE_RECORD=1 swift test)")
    }

    @Test func everyKindAndEverySpecStepIsInTheDocument() {
        let document = FlowDocument.markdown()
        for kind in MentionKind.allCases { #expect(document.contains("(\(kind.dutchName))")) }
        // The allegation's six steps from the spec, each a state an agent is guided through.
        for state in ["count-to-ten", "position-chosen", "motive-asked", "thought", "drafting", "sent"] {
            #expect(document.contains("`allegation/\(state)`"))
        }
        for step in EscalationStep.allCases { #expect(document.contains("show escalation steps 1,2,3,4,5,6") && !step.guidance.isEmpty) }
    }
}
