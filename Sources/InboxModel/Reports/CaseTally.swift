import Foundation

/// The figures of the period's cases, added up one case at a time: a report over a
/// million cases passes over them once instead of once per figure.
struct CaseTally {
    /// First responses due (met or missed) and met.
    struct Verdicts {
        var due = 0
        var met = 0

        mutating func add(_ verdict: Bool?) {
            guard let verdict else { return }
            due += 1
            if verdict { met += 1 }
        }

        /// met / due; nil when nothing was due.
        var share: Double? { due == 0 ? nil : Double(met) / Double(due) }
    }

    /// One row of the `--by` table.
    struct Group {
        var cases = 0
        var replied = 0
        var firsts: [Int] = []
        var verdicts = Verdicts()

        mutating func merge(_ other: Group) {
            cases += other.cases
            replied += other.replied
            firsts += other.firsts
            verdicts.due += other.verdicts.due
            verdicts.met += other.verdicts.met
        }

        mutating func add(_ fact: CaseFacts, verdict: Bool?) {
            cases += 1
            if fact.wasReplied { replied += 1 }
            if let first = fact.folded.firstResponse { firsts.append(first) }
            verdicts.add(verdict)
        }
    }

    var cases = 0
    /// By `TeamReport.kindOrder`.
    var byKind = Array(repeating: 0, count: TeamReport.kindOrder.count)
    var replied = 0
    /// By `DismissReason.allCases`.
    var noReply = Array(repeating: 0, count: DismissReason.allCases.count)
    /// Closed otherwise, by `TeamReport.closedOrder`.
    var closed = Array(repeating: 0, count: TeamReport.closedOrder.count)
    var closedCases = 0
    var firsts: [Int] = []
    var nexts: [Int] = []
    var resolutions: [Int] = []
    /// By `TeamReport.kindOrder`.
    var verdicts = Array(repeating: Verdicts(), count: TeamReport.kindOrder.count)
    var allegations = 0
    var allegationsReplied = 0

    /// Adds what `other` counted.
    mutating func merge(_ other: CaseTally) {
        cases += other.cases
        replied += other.replied
        closedCases += other.closedCases
        allegations += other.allegations
        allegationsReplied += other.allegationsReplied
        for index in byKind.indices { byKind[index] += other.byKind[index] }
        for index in noReply.indices { noReply[index] += other.noReply[index] }
        for index in closed.indices { closed[index] += other.closed[index] }
        for index in verdicts.indices {
            verdicts[index].due += other.verdicts[index].due
            verdicts[index].met += other.verdicts[index].met
        }
        firsts += other.firsts
        nexts += other.nexts
        resolutions += other.resolutions
    }

    /// Counts `fact`, whose first response against its deadline was `verdict`.
    mutating func add(_ fact: CaseFacts, verdict: Bool?) {
        let kind = fact.kind, folded = fact.folded
        cases += 1
        byKind[ReportOrdinals.kind(kind)] += 1
        if fact.wasReplied { replied += 1 }
        switch folded.outcome {
        case .noReply(let reason)?:
            noReply[ReportOrdinals.reason(reason)] += 1
            closedCases += 1
        case let outcome?:
            closed[TeamReport.closedIndex(outcome)] += 1
            closedCases += 1
            if let closedAt = folded.closedAt { resolutions.append(Int(wholeSeconds: closedAt.timeIntervalSince(fact.openedAt))) }
        case nil:
            break
        }
        if let first = folded.firstResponse { firsts.append(first) }
        nexts += folded.nextResponses
        verdicts[ReportOrdinals.kind(kind)].add(verdict)
        if kind == .allegation {
            allegations += 1
            if fact.wasReplied { allegationsReplied += 1 }
        }
    }
}

extension TeamReport.Ambassador {
    /// One more positive case of this author.
    mutating func add(_ fact: CaseFacts) {
        positiveCases += 1
        followers = max(followers, fact.followers)
    }
}
