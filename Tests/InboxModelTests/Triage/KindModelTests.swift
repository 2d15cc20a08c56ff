import Testing
@testable import InboxModel

@Suite struct KindModelTests {
    @Test func learningAndTakingBackLeavesNothing() {
        var model = KindModel()
        model.learn("@NetVia storing in Utrecht", language: .dutch, label: .kind(.complaint))
        #expect(model.confirmations(in: .dutch) == 1 && model.confirmations(in: .english) == 0)
        // Words and neighbouring pairs, numbers as "#", each once.
        let features = Set(model.rows.map(\.feature))
        #expect(features == ["", "netvia", "storing", "in", "utrecht", "netvia storing", "storing in", "in utrecht"])
        model.learn("@NetVia storing in Utrecht", language: .dutch, label: .kind(.complaint), times: -1)
        #expect(model.rows.isEmpty && model == KindModel(rows: []))
    }

    @Test func rowsRoundTripAsTheDatabaseStoresThem() {
        var model = KindModel()
        model.learn("@BankNu al 10 dagen geen antwoord", language: .dutch, label: .kind(.complaint))
        model.learn("@HarborBank thanks!", language: .english, label: .kind(.positive))
        model.learn("lol", language: .english, label: .noReply)
        #expect(KindModel(rows: model.rows) == model)
        #expect(model.rows.contains { $0.feature == "#" && $0.language == .dutch })
    }

    @Test func hostileCountsAreBoundedAndNeverTrap() {
        var model = KindModel()
        for count in [Int.max, Int.max, Int.min, Int.min, Int.max] {
            model.add(.init(language: .english, label: .noReply, feature: "x", count: count))
            model.add(.init(language: .english, label: .noReply, feature: KindModel.documentFeature, count: count))
        }
        #expect(model.confirmations(in: .english) == KindModel.countLimit)
        // Still answers, with finite probabilities.
        let suggestion = KindClassifier(model: model).suggest(for: "x x x")
        #expect(suggestion.confidence >= 0 && suggestion.confidence <= 100)
    }
}
