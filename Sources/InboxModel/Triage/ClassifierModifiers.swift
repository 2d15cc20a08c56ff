/// The words that change what a cue after them means, per language: a negation turns
/// praise into its opposite ("niet blij", "not happy") and takes the sting out of
/// criticism ("not bad"); an intensifier makes a cue count more ("echt slecht",
/// "really bad").
struct ClassifierModifiers: Sendable {
    /// How many words before a cue a negation still reaches ("not at all happy").
    static let negationReach = 3

    let negations: Set<Substring>
    let intensifiers: Set<Substring>

    static func of(_ language: MentionLanguage?) -> ClassifierModifiers {
        switch language {
        case .dutch: dutch
        case .english: english
        case .other: none
        case nil: either
        }
    }

    static let dutch = ClassifierModifiers(
        negations: ["niet", "geen", "nooit", "nauwelijks", "allerminst", "niks", "niets"],
        intensifiers: ["echt", "heel", "erg", "zeer", "zo", "super", "ontzettend", "enorm", "hartstikke",
                       "extreem", "totaal", "compleet", "helemaal", "vreselijk", "verschrikkelijk"])
    static let english = ClassifierModifiers(
        negations: ["not", "no", "never", "don't", "doesn't", "didn't", "isn't", "wasn't", "aren't", "weren't",
                    "won't", "can't", "cannot", "hardly", "nothing", "nobody", "dont", "isnt", "wasnt", "didnt"],
        intensifiers: ["very", "so", "really", "absolutely", "totally", "extremely", "completely", "utterly",
                       "truly", "incredibly", "seriously", "super"])
    static let none = ClassifierModifiers(negations: [], intensifiers: [])
    static let either = ClassifierModifiers(negations: dutch.negations.union(english.negations),
                                            intensifiers: dutch.intensifiers.union(english.intensifiers))
}
