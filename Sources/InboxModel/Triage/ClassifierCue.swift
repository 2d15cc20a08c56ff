/// One line of the classifier's word lists: a word or phrase, the kind it
/// points to, and how strongly.
public struct ClassifierCue: Sendable {
    public enum Target: Hashable, Sendable {
        case kind(MentionKind)
        case spam
    }

    /// Words matched in sequence; "*" after the last word matches any ending
    /// ("oplicht*" finds oplichters and oplichting), "#" matches a number.
    public struct Pattern: Sendable {
        let words: [Substring]
        let isPrefix: Bool

        public init(_ text: String) {
            isPrefix = text.hasSuffix("*")
            let body = isPrefix ? String(text.dropLast()) : text
            words = body.lowercased().split(separator: " ")
        }
    }

    public var pattern: Pattern
    public var target: Target
    public var weight: Int

    public init(_ pattern: String, _ target: Target, weight: Int) {
        self.pattern = Pattern(pattern)
        self.target = target
        self.weight = weight
    }

    /// The lists a team starts with, from the signals in the source documents
    /// (flows.md, section 1) and what webcare teams see every day. Accusations
    /// weigh most because missing one costs most.
    public static let defaults: [ClassifierCue] =
        list(.kind(.allegation), weight: 3, [
            "oplicht*", "lieg*", "leugen*", "fraude*", "frauduleu*", "bedrieg*", "bedrog", "misleid*", "oplichterij",
            "criminel*", "maffia", "zakkenvuller*", "verkopen jullie", "verkocht", "datalek", "in de doofpot", "doofpot",
            "scam*", "fraud*", "liar*", "lying", "lied", "crook*", "thie*", "stealing", "stole", "cover up", "cover-up",
            "sold our", "sell our", "beschuldig*", "accus*", "selling our", "rip off", "ripoff", "corrupt*", "illegal*", "illegaal",
        ])
        + list(.kind(.complaint), weight: 2, [
            "storing*", "werkt niet", "doet het niet meer", "de hele week", "werkt nog steeds niet", "doet het niet", "kapot", "al # dagen", "al # weken",
            "al dagen", "al weken", "nog steeds", "geen internet", "geen bereik", "geen verbinding", "eruit",
            "klacht*", "terugbetal*", "geld terug", "dubbel afgeschreven", "afgeschreven", "factuur", "niet geleverd",
            "niet bezorgd", "wachtrij", "in de wacht", "niemand neemt op", "monteur", "traag", "valt steeds weg",
            "refund*", "not working", "doesn't work", "does not work", "broken", "outage", "still no", "for # days",
            "charged twice", "overcharged", "never arrived", "on hold", "no internet", "no signal", "down again",
            "keeps dropping", "complaint*", "waiting for",
        ])
        + list(.kind(.negative), weight: 2, [
            "slecht*", "nooit meer", "waardeloos", "waardeloze", "belachelijk*", "schandalig*", "teleurgesteld*",
            "teleurstell*", "bagger", "drama", "triest", "zwak", "overstappen", "opzeggen", "klantonvriendelijk",
            "worst", "terrible", "awful", "horrible", "never again", "disappointed", "disappointing", "useless",
            "joke", "pathetic", "switching to", "ridiculous", "bad", "hate",
        ])
        + list(.kind(.question), weight: 2, [
            "hoe", "waar", "wanneer", "kan ik", "kun je", "kunnen jullie", "is het mogelijk", "weet iemand",
            "vraag*", "vraagje", "hebben jullie", "do you have", "wat is", "wat zijn", "welke", "hoeveel", "durftevragen", "dtv",
            "how do i", "how can i", "how to", "where", "when", "can i", "can you", "is it possible", "does anyone",
            "question", "which", "what is", "what's the",
        ])
        + list(.kind(.positive), weight: 2, [
            "top", "topper*", "bedankt", "dank je", "dankjewel", "dank jullie", "super", "geweldig*", "fantastisch*",
            "chapeau", "complimenten", "compliment", "klasse", "snel opgelost", "goed geholpen", "fijn", "blij",
            "tevreden", "aanrader", "werkt weer", "works again", "dank voor", "held", "helden", "great", "thanks", "thank you", "amazing", "awesome", "excellent",
            "love", "brilliant", "well done", "kudos", "happy", "impressed", "fantastic", "best service",
        ])
        + list(.spam, weight: 3, [
            "followers kopen", "buy followers", "free followers", "gratis volgers", "crypto", "bitcoin", "giveaway",
            "win een", "win a", "click here", "klik hier", "dm for promo", "promo code", "check my profile",
            "earn money", "verdien geld", "onlyfans", "forex",
        ])

    private static func list(_ target: Target, weight: Int, _ patterns: [String]) -> [ClassifierCue] {
        patterns.map { ClassifierCue($0, target, weight: weight) }
    }
}
