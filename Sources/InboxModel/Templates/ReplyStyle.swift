/// The language and form of address a team answers in, a house rule
/// (slides 36–40): Dutch with "je" or "u", or English.
public enum ReplyStyle: String, CaseIterable, Codable, Sendable {
    case dutchInformal = "nl-je"
    case dutchFormal = "nl-u"
    case english = "en"
}
