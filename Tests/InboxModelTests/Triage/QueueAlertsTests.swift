import Testing
@testable import InboxModel

@Suite("Alerts: what spreads, who waits, which kind runs late")
struct QueueAlertsTests {
    func recent(_ conversation: String, _ text: String, on platform: Platform = .twitter) -> RecentMention {
        RecentMention(platform: platform, conversation: conversation, text: text)
    }

    @Test("a conversation or a theme at the threshold raises an alert, one under it does not")
    func spreading() {
        var thresholds = AlertThresholds()
        thresholds.spreadingMentions = 3
        let mentions = [recent("c1", "@NetVia verkopen jullie klantdata?"), recent("c1", "@NetVia klantdata verkocht"),
                        recent("c1", "klantdata!"), recent("c2", "#storing in Delft"), recent("c3", "#Storing hier ook"),
                        recent("c2", "storing"), recent("c4", "modem kapot"), recent("c5", "modem stuk")]
        let alerts = QueueAlerts.find(recent: mentions, waiting: [], open: [:], overdue: [:], thresholds: thresholds)
        // c1 has 3 mentions (c2 only 2); klantdata is in 3 texts; "#storing" in 2 and the
        // word "storing" in 1 are different themes; modem 2; netvia names an account.
        #expect(alerts.map(\.limit) == ["conversation:c1", "klantdata"])
        #expect(alerts.map { $0.summary(minutes: 30) } == ["conversation c1: 3 in 30m", "klantdata 3 in 30m"])
    }

    @Test("an author over the follower threshold waiting is named, the biggest first")
    func influential() {
        let waiting = [WaitingAuthor(platform: .twitter, handle: "small", followers: 100_000),
                       WaitingAuthor(platform: .twitter, handle: "bigger", followers: 250_000),
                       WaitingAuthor(platform: .instagram, handle: "biggest", followers: 2_100_000)]
        let alerts = QueueAlerts.find(recent: [], waiting: waiting, open: [:], overdue: [:], thresholds: AlertThresholds())
        #expect(alerts.map(\.limit) == ["author:biggest", "author:bigger"])
        #expect(alerts.first?.summary(minutes: 30) == "@biggest 2.1M waiting")
    }

    @Test("a kind with enough open cases and too few in time raises an alert that limits to its overdue cases")
    func kindRunningLate() {
        let open: [MentionKind: Int] = [.complaint: 10, .question: 4, .positive: 10]
        let overdue: [MentionKind: Int] = [.complaint: 6, .question: 4, .positive: 5]
        let alerts = QueueAlerts.find(recent: [], waiting: [], open: open, overdue: overdue, thresholds: AlertThresholds())
        // complaint: 4 of 10 in time (under 50%); question: too few open; positive: exactly 50%.
        #expect(alerts.map(\.limit) == ["kind:complaint overdue"])
        #expect(alerts.first?.summary(minutes: 30) == "complaint 40% in time")
    }

    @Test("more than two kinds late make one alert that limits to the overdue cases")
    func backlog() {
        let open: [MentionKind: Int] = [.complaint: 10, .question: 10, .negative: 10, .positive: 10]
        let overdue: [MentionKind: Int] = [.complaint: 10, .question: 8, .negative: 6, .positive: 0]
        let alerts = QueueAlerts.find(recent: [], waiting: [], open: open, overdue: overdue, thresholds: AlertThresholds())
        // complaint 0/10, question 2/10, negative 4/10 in time: 6 of 30.
        #expect(alerts.map(\.limit) == ["overdue"])
        #expect(alerts.first?.summary(minutes: 30) == "3 kinds late: 20% in time")
    }

    @Test("at most nine alerts, late kinds first")
    func most() {
        var thresholds = AlertThresholds()
        thresholds.spreadingMentions = 2
        let mentions = (0..<20).flatMap { [recent("c\($0)", "x"), recent("c\($0)", "y")] }
        let alerts = QueueAlerts.find(recent: mentions, waiting: [], open: [.allegation: 5], overdue: [.allegation: 5],
                                      thresholds: thresholds)
        #expect(alerts.count == 9 && alerts.first?.limit == "kind:allegation overdue")
    }
}
