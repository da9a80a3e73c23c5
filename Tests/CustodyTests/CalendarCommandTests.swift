import Foundation
import Testing

/// `custody calendar` and `custody deadlines` run as the built executable.
@Suite("CalendarCommand")
struct CalendarCommandTests {
    let folder = TemporaryFolder()

    /// An empty holidays file, so a file at /etc/custody/holidays.txt on the test machine cannot change answers.
    var noHolidaysFile: String {
        let path = folder.path + "/empty-holidays.txt"
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        return path
    }

    func day(_ date: String, _ extra: [String] = []) throws -> [String: Any] {
        let result = try custody(["calendar", date, "--format", "json", "--holidays-file", noHolidaysFile] + extra)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        return try #require(array.first)
    }

    @Test("2025-10-01 is not a working day: the public holiday 国庆节、中秋节 of the 2025 notice")
    func nationalDay() throws {
        let answer = try day("2025-10-01")
        #expect(answer["working_day"] as? Bool == false)
        #expect(answer["reason"] as? String == "holiday")
        #expect(answer["holiday"] as? String == "国庆节、中秋节")
        #expect(answer["weekday"] as? String == "wednesday")
        #expect(answer["year_known"] as? Bool == true)
        #expect((answer["source"] as? String)?.contains("国办发明电〔2024〕12号") == true)
    }

    @Test("Sunday 2025-09-28 is a make-up working day for the National Day holiday")
    func makeUpSunday() throws {
        let answer = try day("2025-09-28")
        #expect(answer["working_day"] as? Bool == true)
        #expect(answer["reason"] as? String == "make_up_workday")
        #expect(answer["weekday"] as? String == "sunday")
    }

    @Test("Monday 2027-01-04 is a working day by the plain-weekday fallback, and the table says so")
    func fallback() throws {
        let answer = try day("2027-01-04")
        #expect(answer["working_day"] as? Bool == true)
        #expect(answer["reason"] as? String == "weekday")
        #expect(answer["year_known"] as? Bool == false)
        #expect(answer["source"] is NSNull)
        let table = try custody(["calendar", "2027-01-04", "--holidays-file", noHolidaysFile])
        #expect(table.stdout.contains("no holiday schedule for 2027: plain weekdays assumed"))
    }

    @Test("an administrator's file replacing 2025 makes 2025-10-01 a plain weekday from that notice")
    func overrideFile() throws {
        let path = folder.path + "/holidays.txt"
        try "source 2025 本站测试通知\n2025-03-10 holiday 测试假日\n".write(toFile: path, atomically: true, encoding: .utf8)
        let answer = try day("2025-10-01", ["--holidays-file", path])
        #expect(answer["working_day"] as? Bool == true)
        #expect(answer["source"] as? String == "本站测试通知")
        let years = try custody(["calendar", "--years", "--holidays-file", path])
        #expect(years.status == 0)
        let line = years.stdout.components(separatedBy: "\n").first { $0.hasPrefix("2025") } ?? ""
        #expect(line.split(separator: " ").map(String.init) == ["2025", "1", "0", path, "本站测试通知"])
        #expect(years.stdout.contains("bundled"))
    }

    @Test("a range lists each day; a day that does not exist or a missing named holidays file exits 64")
    func rangeAndErrors() throws {
        let range = try custody([
            "calendar", "--from", "2024-10-06", "--to", "2024-10-08", "--format", "csv", "--holidays-file",
            noHolidaysFile,
        ])
        #expect(range.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 4)
        #expect(range.stdout.contains("2024-10-07,monday,no,public holiday 国庆节,"))
        let bad = try custody(["calendar", "2025-02-30"])
        #expect(bad.status == 64)
        #expect(
            bad.stderr
                == "error: DATE '2025-02-30' is not a date that exists; write it as YYYY-MM-DD, e.g. 2025-10-01\n")
        let missing = try custody(["calendar", "2025-01-01", "--holidays-file", folder.path + "/none.txt"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("the holidays file '\(folder.path)/none.txt' does not exist"))
    }
}
