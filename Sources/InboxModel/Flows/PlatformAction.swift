/// The platform's own gesture that can stand in for, or go with, a thank-you.
public enum PlatformAction: String, CaseIterable, Codable, Sendable {
    case retweet
    case like
}
