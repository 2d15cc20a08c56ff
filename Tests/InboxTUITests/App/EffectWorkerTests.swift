import Foundation
import InboxStore
import Testing
@testable import InboxTUI

@Suite("The database worker: effects off the input loop, answers in order, keys held until their answer is in")
struct EffectWorkerTests {
    /// A gate the test opens, one effect at a time: no timing in the test.
    final class Gate: @unchecked Sendable {
        let semaphore = DispatchSemaphore(value: 0)
        func open() { semaphore.signal() }
    }

    /// Waits until `condition` holds (bounded against hanging, not a measure).
    func eventually(_ condition: () -> Bool) -> Bool {
        for _ in 0..<2000 where !condition() { usleep(1000) }
        return condition()
    }

    @Test("answers come in the order given; keys are held while an effect they depend on is not taken")
    func order() {
        let gate = Gate()
        let worker = EffectWorker { effect in
            gate.semaphore.wait()
            if case .loadPositions = effect { return [.failed("positions")] }
            if case .loadMention(let number, _) = effect { return [.failed("mention \(number)"), .notice("again")] }
            return []
        }
        worker.submit(.loadPositions)
        worker.submit(.loadMention(7, claim: true))
        worker.submit(.saveDraft("x", for: 7, writtenFor: nil))
        #expect(worker.holdingKeysSince != nil, "opening a case holds the keys typed for it")
        #expect(worker.takeAnswers().isEmpty)
        gate.open()
        gate.open()
        var taken: [String] = [], heldUntilTaken = true
        let both = eventually {
            // Computed is not enough: keys wait until the answer is taken into the state.
            if taken.count < 3 && worker.holdingKeysSince == nil { heldUntilTaken = false }
            taken += worker.takeAnswers().map { "\($0)" }
            return taken.count == 3
        }
        #expect(both && heldUntilTaken)
        #expect(taken == ["failed(\"positions\")", "failed(\"mention 7\")", "notice(\"again\")"])
        #expect(worker.holdingKeysSince == nil, "a draft being saved holds nothing")
        #expect(worker.busySince != nil)
        gate.open()
        worker.finish(within: 10)
        #expect(worker.takeAnswers().isEmpty, "saving a draft answers with no event")
    }

    @Test("what the agent waits for goes before counts read ahead; writes keep their order")
    func readsAheadWait() {
        let gate = Gate()
        let worker = EffectWorker { effect in
            gate.semaphore.wait()
            return [.failed("\(effect)".prefix { $0.isLetter }.description)]
        }
        worker.submit(.release(1))              // starts at once and waits at the gate
        worker.submit(.loadSummary(.open))
        worker.submit(.saveDraft("x", for: 1, writtenFor: nil))
        worker.submit(.loadMention(1, claim: true))
        for _ in 0..<4 { gate.open() }
        var taken: [String] = []
        _ = eventually {
            taken += worker.takeAnswers().map { "\($0)" }
            return taken.count == 4
        }
        #expect(taken == ["failed(\"release\")", "failed(\"saveDraft\")", "failed(\"loadMention\")",
                          "failed(\"loadSummary\")"])
        worker.finish(within: 10)
    }
}
