import Testing
@testable import Dock
