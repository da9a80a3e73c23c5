import Foundation
import Testing

@testable import Dock

@Suite("NamePattern")
struct NamePatternTests {
    /// One file name read with one template, and the fields expected (nil: no match).
    struct Case: Sendable, CustomTestStringConvertible {
        let template: String
        let fileName: String
        let expected: ClipName?

        var testDescription: String { "\(template) reading \(fileName)" }
    }

    static func time(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int) -> DateComponents {
        DateComponents(year: y, month: mo, day: d, hour: h, minute: mi, second: s)
    }

    static let standard = "{serial:7}_{badge:6}_{yyyy}{MM}{dd}{hh}{mm}{ss}_{seq}"
    static let dashcam = "{yyyy}{MM}{dd}_{hh}{mm}{ss}_{seq}{*}"

    static let cases: [Case] = [
        Case(
            template: standard, fileName: "A123456_004521_20240315142501_0001.MP4",
            expected: ClipName(serial: "A123456", badge: "004521", localTime: time(2024, 3, 15, 14, 25, 1), sequence: 1)
        ),
        Case(
            template: standard, fileName: "zx9y8w7_123456_20231231235959_12345.mov",
            expected: ClipName(
                serial: "zx9y8w7", badge: "123456", localTime: time(2023, 12, 31, 23, 59, 59), sequence: 12345)),
        Case(
            template: standard, fileName: "A123456_004521_20240229000000_7.MP4",
            expected: ClipName(serial: "A123456", badge: "004521", localTime: time(2024, 2, 29, 0, 0, 0), sequence: 7)),
        Case(template: standard, fileName: "A12345_004521_20240315142501_0001.MP4", expected: nil),
        Case(template: standard, fileName: "A123456_04521_20240315142501_0001.MP4", expected: nil),
        Case(template: standard, fileName: "A123456_004521_20241315142501_0001.MP4", expected: nil),
        Case(template: standard, fileName: "A123456_004521_20230229120000_0001.MP4", expected: nil),
        Case(template: standard, fileName: "A123456_004521_20240431120000_0001.MP4", expected: nil),
        Case(template: standard, fileName: "A123456_004521_20240315240000_0001.MP4", expected: nil),
        Case(template: standard, fileName: "A123456_004521_20240315126000_0001.MP4", expected: nil),
        Case(template: standard, fileName: "A123456_004521_20240315142501_.MP4", expected: nil),
        Case(template: standard, fileName: "A123456_004521_20240315142501_0001_A.MP4", expected: nil),
        Case(
            template: dashcam, fileName: "20240315_142501_0007_A.MP4",
            expected: ClipName(localTime: time(2024, 3, 15, 14, 25, 1), sequence: 7)),
        Case(
            template: dashcam, fileName: "20240315_142501_0008-F.mp4",
            expected: ClipName(localTime: time(2024, 3, 15, 14, 25, 1), sequence: 8)),
        Case(
            template: dashcam, fileName: "20240315_142501_0009.MP4",
            expected: ClipName(localTime: time(2024, 3, 15, 14, 25, 1), sequence: 9)),
        Case(template: "{yyyy}{MM}{dd}_{hh}{mm}{ss}_{seq}", fileName: "20240315_142501_0007_A.MP4", expected: nil),
        Case(template: "FILE{seq}", fileName: "FILE0003.MP4", expected: ClipName(sequence: 3)),
        Case(template: "FILE{seq}", fileName: "file0004.mp4", expected: ClipName(sequence: 4)),
        Case(template: "FILE{seq}", fileName: "FILEA.MP4", expected: nil),
        Case(template: "FILE{seq:4}", fileName: "FILE00004.MP4", expected: nil),
        Case(
            template: "{serial}-{yyyy}{MM}{dd}-{hh}{mm}{ss}", fileName: "CAM12-20240102-030405.mp4",
            expected: ClipName(serial: "CAM12", localTime: time(2024, 1, 2, 3, 4, 5))),
        Case(template: "{serial}-{yyyy}{MM}{dd}-{hh}{mm}{ss}", fileName: "CAM-12-20240102-030405.mp4", expected: nil),
        Case(
            template: "{*}_{badge}_{yyyy}{MM}{dd}", fileName: "X_Y_000777_20240102.avi",
            expected: ClipName(badge: "000777", localTime: DateComponents(year: 2024, month: 1, day: 2))),
    ]

    @Test("a template reads a file name into exactly these fields, or rejects it", arguments: cases)
    func reads(_ example: Case) throws {
        let pattern = try NamePattern(example.template)
        #expect(pattern.match(example.fileName) == example.expected)
    }

    @Test("the standard pattern is SERIAL_BADGE_YYYYMMDDhhmmss_NNNN with a 7-character serial and 6-digit badge")
    func standardPattern() {
        #expect(NamePattern.standard.template == Self.standard)
        #expect(
            NamePattern.standard.match("B765432_000001_20250101080000_0042.MP4")
                == ClipName(serial: "B765432", badge: "000001", localTime: Self.time(2025, 1, 1, 8, 0, 0), sequence: 42)
        )
    }

    @Test("the first of several patterns that matches reads the name")
    func firstMatchingPattern() throws {
        let patterns = [NamePattern.standard, try NamePattern("FILE{seq}")]
        #expect(NamePattern.match("FILE0010.MP4", against: patterns) == ClipName(sequence: 10))
        #expect(NamePattern.match("IMG_0001.JPG", against: patterns) == nil)
    }

    @Test("a 250-character name that almost fits a template with two {*} is rejected in well under a second")
    func wildcardsStayFast() throws {
        let pattern = try NamePattern("{*}_{seq}_{*}X")
        let name = String(repeating: "_1", count: 125) + ".MP4"
        let started = ContinuousClock.now

        #expect(pattern.match(name) == nil)
        #expect(ContinuousClock.now - started < .seconds(1))
    }

    /// A template that does not parse, and the reason given.
    struct BadTemplate: Sendable, CustomTestStringConvertible {
        let template: String
        let reason: String
        var testDescription: String { template.isEmpty ? "(empty)" : template }
    }

    static let badTemplates: [BadTemplate] = [
        BadTemplate(template: "", reason: "the template is empty"),
        BadTemplate(template: "{foo}_{seq}", reason: "{foo} is not a token"),
        BadTemplate(template: "{seq}_{seq}", reason: "the token {seq} appears twice"),
        BadTemplate(template: "FILE{seq", reason: "a '{' is not closed with '}'"),
        BadTemplate(template: "FILE}{seq}", reason: "a '}' has no matching '{'"),
        BadTemplate(template: "{hh}{mm}{ss}", reason: "a date needs all of {yyyy}, {MM} and {dd}"),
        BadTemplate(template: "{yyyy}{MM}{dd}{ss}", reason: "{mm} needs {hh}, and {ss} needs {mm}"),
        BadTemplate(template: "{yyyy:4}{MM}{dd}", reason: "{yyyy} does not take a width"),
        BadTemplate(template: "{*}_{seq}_{*}_{*}", reason: "{*} may appear at most twice"),
        BadTemplate(template: "FILE{seq:0}", reason: "the width in {seq:0} must be a number from 1 to 64"),
    ]

    @Test("a malformed template throws invalidPattern with the reason", arguments: badTemplates)
    func rejectsTemplate(_ bad: BadTemplate) {
        let error = #expect(throws: DockError.self) { try NamePattern(bad.template) }
        #expect(error?.code == .invalidPattern)
        #expect(error?.reason == bad.reason)
    }

    @Test("an invalid template's message names the template, the problem and the tokens to use")
    func invalidTemplateMessage() {
        let error = #expect(throws: DockError.self) { try NamePattern("{date}") }
        #expect(
            error?.description == "invalid clip-name template '{date}': {date} is not a token; "
                + "use the tokens {serial} {badge} {yyyy} {MM} {dd} {hh} {mm} {ss} {seq} {*} and plain text")
    }
}
