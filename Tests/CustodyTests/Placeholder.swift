import Testing
@testable import Custody
