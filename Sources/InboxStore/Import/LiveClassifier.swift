import Foundation
import InboxModel

/// The classifier an import's reading thread uses, replaced by its writing thread as
/// the team's model grows: a live feed (`webcare replay`, a connector's import that runs
/// all day) classifies with what agents confirmed minutes ago, not when it started.
final class LiveClassifier: @unchecked Sendable {
    private let lock = NSLock()
    private var classifier: KindClassifier

    init(_ classifier: KindClassifier) {
        self.classifier = classifier
    }

    var current: KindClassifier {
        lock.lock()
        defer { lock.unlock() }
        return classifier
    }

    func learned(_ model: KindModel) {
        lock.lock()
        defer { lock.unlock() }
        classifier.model = model
    }
}
