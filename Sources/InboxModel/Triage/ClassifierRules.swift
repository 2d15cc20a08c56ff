/// The word lists applied to one text: points per label and the words that earned
/// them. Only the cues of the text's language count; a negation before praise counts
/// it as criticism ("niet blij"), right before criticism it cancels it ("not bad");
/// an intensifier adds a point ("really bad").
struct ClassifierRules: Sendable {
    /// What the lists found in one text.
    struct Verdict {
        var points: [Int] = Array(repeating: 0, count: TriageLabel.allCases.count)
        var spam = 0
        var evidence: [[String]] = Array(repeating: [], count: TriageLabel.allCases.count)
        var spamEvidence: [String] = []

        mutating func add(_ points: Int, to label: TriageLabel, for words: String) {
            self.points[label.index] += points
            if !evidence[label.index].contains(words) { evidence[label.index].append(words) }
        }
    }

    /// What a question mark is worth: enough on its own to suggest a question, and no
    /// more than a complaint cue, which wins the tie ("storing. wanneer opgelost?").
    static let questionMarkPoints = 2
    /// The complaint points from which a question is about a problem: one full cue.
    static let problemPoints = 2
    /// What talking about us rather than to us is worth towards "no reply": as much as
    /// one cue, so a post in passing needs a clear complaint or question to be answered.
    static let inPassingPoints = 2
    /// How the evidence names a post that does not start with an @-address.
    static let inPassing = "(not addressed to anyone)"
    /// How the evidence names a post of handles only: as little to answer as talk in passing.
    static let onlyHandles = "(nothing but handles)"

    private let cues: [ClassifierCue]
    /// Cues by the word they start with, for cues that can only match where that exact
    /// word occurs; one-word prefixes ("oplicht*") by their first three letters; the
    /// rest (a leading "#", a shorter prefix) are tried on every text. Only the cues a
    /// text can match are tried: an import classifies a million mentions.
    private let byFirstWord: [Substring: [Int]]
    private let byPrefix: [Substring: [Int]]
    private let alwaysTried: [Int]
    private static let prefixKeyLength = 3

    init(cues: [ClassifierCue]) {
        self.cues = cues
        var byFirstWord: [Substring: [Int]] = [:], byPrefix: [Substring: [Int]] = [:]
        var alwaysTried: [Int] = []
        for (index, cue) in cues.enumerated() {
            let words = cue.pattern.words
            guard let first = words.first, first != "#" else {
                alwaysTried.append(index)
                continue
            }
            if !(cue.pattern.isPrefix && words.count == 1) {
                byFirstWord[first, default: []].append(index)
            } else if first.count >= Self.prefixKeyLength {
                byPrefix[first.prefix(Self.prefixKeyLength), default: []].append(index)
            } else {
                alwaysTried.append(index)
            }
        }
        self.byFirstWord = byFirstWord
        self.byPrefix = byPrefix
        self.alwaysTried = alwaysTried
    }

    /// The points `tokens` earn in `language` (nil: not known, every list applies);
    /// `saidToUs` false for talk about us in passing.
    func verdict(_ tokens: ClassifierTokens, language: MentionLanguage?, saidToUs: Bool) -> Verdict {
        var isCandidate = [Bool](repeating: false, count: cues.count)
        for index in alwaysTried { isCandidate[index] = true }
        for word in tokens.words {
            for index in byFirstWord[word] ?? [] { isCandidate[index] = true }
            for index in byPrefix[word.prefix(Self.prefixKeyLength)] ?? [] { isCandidate[index] = true }
        }
        let modifiers = ClassifierModifiers.of(language)
        var verdict = Verdict()
        // In list order, so the evidence reads in the order the lists are written.
        for (index, cue) in cues.enumerated() where isCandidate[index] {
            if let cueLanguage = cue.language, let language, cueLanguage != language { continue }
            guard let (words, start) = tokens.match(cue.pattern) else { continue }
            switch cue.target {
            case .spam:
                verdict.spam += cue.weight
                if !verdict.spamEvidence.contains(words) { verdict.spamEvidence.append(words) }
            case .noReply:
                verdict.add(cue.weight, to: .noReply, for: words)
            case .kind(let kind):
                let before = tokens.words[max(0, start - ClassifierModifiers.negationReach)..<start]
                let negation = before.lastIndex { modifiers.negations.contains($0) }
                let intensified = start > 0 && modifiers.intensifiers.contains(tokens.words[start - 1])
                let points = cue.weight + (intensified ? 1 : 0)
                if kind == .positive, let at = negation {
                    verdict.add(points, to: .kind(.negative), for: tokens.words[at..<start].joined(separator: " ") + " " + words)
                } else if negation == start - 1, kind == .negative || kind == .complaint {
                    continue
                } else {
                    verdict.add(points, to: .kind(kind), for: words)
                }
            }
        }
        if !saidToUs {
            verdict.add(Self.inPassingPoints, to: .noReply, for: Self.inPassing)
        } else if tokens.onlyAddresses {
            verdict.add(Self.inPassingPoints, to: .noReply, for: Self.onlyHandles)
        }
        // A question mark on a problem asks for a fix ("can you rebook my cancelled
        // flight?", "why is it delayed again?"): it makes no question of a complaint.
        // Weak words alone ("help", "again") are no problem; question words still count.
        if tokens.asksSomething, verdict.points[TriageLabel.kind(.complaint).index] < Self.problemPoints {
            verdict.add(Self.questionMarkPoints, to: .kind(.question), for: "?")
        }
        return verdict
    }
}
