import Testing
@testable import Calendar
