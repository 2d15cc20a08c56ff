import Foundation
import InboxModel
import InboxStore

/// Carries out the app core's database effects against the shared database and turns
/// each answer into the event the core expects. The terminal's effects ($EDITOR, redraw)
/// are the session's; golden tests run this with a fixed clock.
struct EffectRunner {
    let inbox: any InboxDatabase
    /// When the header raises an alert.
    var alerts = AlertThresholds()
    /// What explains a case's suggestion: the lists and the team's model as the database
    /// held it when the inbox opened (confirmations since then are in the database, for
    /// the next import; re-reading the whole model on every case would cost more).
    var classifier: KindClassifier

    init(inbox: any InboxDatabase, alerts: AlertThresholds = AlertThresholds()) {
        self.inbox = inbox
        self.alerts = alerts
        classifier = (try? inbox.currentClassifier()) ?? inbox.classifier
    }

    func run(_ effect: AppEffect, now clock: Date) throws -> AppEvent? {
        switch effect {
        case .loadQueue(let request), .prefetchQueue(let request):
            let rows = try inbox.queue(filter: request.filter, limit: request.limit, offset: request.offset, now: clock)
            return .queueLoaded(QueuePage(request: request, rows: rows))
        case .loadSummary(let filter):
            var summary = try inbox.summary(filter: filter, now: clock)
            let input = try inbox.alertInput(since: clock.addingTimeInterval(-Double(alerts.spreadingMinutes) * 60),
                                             followersOver: alerts.influentialFollowers)
            summary.alerts = QueueAlerts.find(recent: input.recent, waiting: input.waiting, open: summary.perKind,
                                              overdue: summary.overdueByKind, thresholds: alerts)
            return .summaryLoaded(summary)
        case .prepareLimit(let filter):
            try inbox.prepareLimit(on: filter, now: clock)
            return nil
        case .loadMention(let number, let claim):
            if claim, !inbox.isReadOnly { try inbox.claim(number, at: clock, lease: Inbox.claimLease) }
            return .mentionLoaded(try detail(of: number, now: clock))
        case .release(let number):
            try inbox.release(number)
            return nil
        case .append(let event, let targets):
            for target in targets {
                do {
                    try inbox.append(event, to: target.number, seenSeq: target.seenSeq, at: clock, takingOver: false)
                } catch StoreError.heldBy(let holder) where targets.count == 1 {
                    return .heldByAnother(agent: holder, event: event, target: target)
                } catch {
                    return .failed((targets.count > 1 ? "#\(target.number): " : "") + Self.describe(error))
                }
            }
            return .appended(event, count: targets.count)
        case .takeOverAndAppend(let event, let target):
            do {
                try inbox.append(event, to: target.number, seenSeq: target.seenSeq, at: clock, takingOver: true)
            } catch {
                return .failed(Self.describe(error))
            }
            return .appended(event, count: 1)
        case .saveDraft(let text, let number, let occasion):
            try inbox.saveDraft(text, for: number, writtenFor: occasion, at: clock)
            return nil
        case .loadPositions:
            return .positionsLoaded(try inbox.positions())
        case .loadReport(let timeZone):
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            func report(_ period: ReportPeriod) throws -> TeamReport {
                try inbox.report(ReportBuilder(period: period, now: clock, deadlines: inbox.deadlines, rules: inbox.rules,
                                               calendar: calendar))
            }
            return .reportLoaded(today: try report(.day(containing: clock, calendar)),
                                 week: try report(.week(containing: clock, calendar)))
        case .savePosition(let id, let topic, let statement, let short):
            return .positionSaved(try inbox.savePosition(id: id, topic: topic, statement: statement, short: short,
                                                         at: clock))
        case .search(let text, let filter, let from, let forward):
            if let found = try inbox.search(text, filter: filter, from: from, forward: forward, now: clock) {
                return .searchFound(found, wrapped: false)
            }
            let again = try inbox.search(text, filter: filter, from: forward ? -1 : Int.max, forward: forward, now: clock)
            return .searchFound(again, wrapped: again != nil)
        case .editExternally, .redraw:
            return nil
        }
    }

    private func detail(of number: Int64, now: Date) throws -> MentionDetail {
        let stored = try inbox.openingMention(of: String(number), now: now)
        let flow = try inbox.flow(of: stored.number), history = try inbox.history(of: stored.number)
        return MentionDetail(stored: stored, flow: flow, history: history,
                             earlier: try inbox.earlierMentions(by: stored, limit: 5, now: now),
                             thread: try inbox.thread(ofCase: stored.caseNumber, now: now),
                             stepsReached: MentionFlow.stepsReached(history.map { ($0.event, $0.at) },
                                                                    context: flow.context),
                             draft: try inbox.savedDraft(for: stored.number),
                             suggestion: stored.confirmedKind == nil
                                 ? classifier.suggest(for: stored.mention) : nil)
    }

    /// An error as the agent reads it on the message line.
    static func describe(_ error: any Error) -> String {
        if let error = error as? StoreError { return error.description }
        return "\(error)"
    }
}
