/// How a team's labels become ours: `negative=complaint|negative|allegation,neutral=none`.
/// A label mapped to several kinds is learned as the first and counts as right when the
/// classifier suggests any of them (a person's "negative" is our complaint, negative or
/// allegation). Labels without a mapping must be ours already (a kind, or none/other/spam).
public struct LabelMapping: Sendable, Equatable {
    private var labels: [String: [TriageLabel]] = [:]

    public init() {}

    /// Parses `LABEL=KIND[|KIND...]` pairs separated by commas; the problem names the pair.
    public init(parsing text: String) throws(ImportProblem) {
        for pair in text.split(separator: ",", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, !parts[0].trimmingSpaces.isEmpty else {
                throw ImportProblem("--map", "\(ImportProblem.quoted(String(pair))) is not LABEL=KIND")
            }
            var targets: [TriageLabel] = []
            for name in parts[1].split(separator: "|") {
                guard let label = TriageLabel(name: name.trimmingSpaces.lowercased()) else {
                    throw ImportProblem("--map", "\(ImportProblem.quoted(String(name))) is not a kind; use \(Self.names)")
                }
                targets.append(label)
            }
            guard !targets.isEmpty else { throw ImportProblem("--map", "\(ImportProblem.quoted(String(pair))) maps to nothing") }
            labels[parts[0].trimmingSpaces.lowercased()] = targets
        }
    }

    /// What `label` means in our terms: the first to learn, all of them right.
    public func labels(for label: String) -> [TriageLabel]? {
        let key = label.trimmingSpaces.lowercased()
        return labels[key] ?? TriageLabel(name: key).map { [$0] }
    }

    static let names = (MentionKind.allCases.map(\.rawValue) + ["none"]).joined(separator: ", ")
}

extension StringProtocol {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
