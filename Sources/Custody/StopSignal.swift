import Synchronization

/// A flag raised once, from any thread, when custody is asked to stop.
public final class StopSignal: Sendable {
    private let raised = Atomic<Bool>(false)

    public init() {}

    /// Raises the flag.
    public func raise() {
        raised.store(true, ordering: .sequentiallyConsistent)
    }

    /// Whether the flag has been raised.
    public var isRaised: Bool {
        raised.load(ordering: .sequentiallyConsistent)
    }
}
