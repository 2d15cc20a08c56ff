import Foundation

/// A bounded queue between two threads: the reader blocks when the writer is behind,
/// so an import of any size holds at most `capacity` batches in memory.
final class BatchChannel<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var buffer: [Element] = []
    private let capacity: Int
    private var closed = false

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Waits for room, then queues `element`. False once the receiver has closed the
    /// channel: the sender should stop.
    @discardableResult
    func send(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while buffer.count >= capacity && !closed { condition.wait() }
        if closed { return false }
        buffer.append(element)
        condition.broadcast()
        return true
    }

    /// Waits for the next element.
    func receive() -> Element {
        condition.lock()
        defer { condition.unlock() }
        while buffer.isEmpty { condition.wait() }
        condition.broadcast()
        return buffer.removeFirst()
    }

    /// The receiver stops listening; a blocked sender returns.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    var isClosed: Bool {
        condition.lock()
        defer { condition.unlock() }
        return closed
    }
}
