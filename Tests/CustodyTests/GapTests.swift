import Catalog
import Foundation
import Testing

/// `custody ingest` finding gaps after a dock, `custody gaps` reporting them, `custody explain` explaining them:
/// the real executable on real clips made by ffmpeg and espeak-ng.
@Suite(
    "custody gaps and explain",
    .enabled(if: Shell.has("ffmpeg") && Shell.has("espeak-ng"), "the clips are made by ffmpeg and espeak-ng"))
struct GapTests {
    /// The gaps `custody gaps --format json` lists, with JSON null as Swift nil.
    static func gaps(_ options: [String], _ extra: [String] = []) throws -> [[String: Any]] {
        let result = try custody(["gaps", "--format", "json"] + extra + options)
        try #require(result.status == 0, "custody gaps failed: \(result.stderr)")
        let value = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        return ((value as? [[String: Any]]) ?? []).map { $0.filter { !($0.value is NSNull) } }
    }

    static func options(_ folder: TemporaryFolder, zone: String = "Asia/Shanghai") -> [String] {
        ["--store", folder.path + "/store", "--catalog", folder.path + "/catalog.sqlite", "--timezone", zone]
    }

    // MARK: - The scenario volume

    @Test("the scenario volume gives a continuation, a spoken reason, noise only, no audio and an unreadable clip")
    func scenario() throws {
        let folder = TemporaryFolder()
        let volume = try ScenarioVolume(at: folder.path + "/A123456")
        let options = Self.options(folder)
        let ingest = try custody(["ingest", volume.path] + options)
        #expect(ingest.status == 0)
        #expect(ingest.stdout.contains("\ngaps: 4 interruptions, 1 explained, 2 unexplained, 1 not checked\n"))

        let gaps = try Self.gaps(options)
        let names = volume.clipNames
        #expect(gaps.map { $0["id"] as? Int } == [1, 2, 3, 4, 5])
        #expect(
            gaps.map { $0["kind"] as? String } == [
                "continuation", "interruption", "interruption", "interruption", "interruption",
            ])
        #expect(gaps.map { $0["explanation"] as? String } == [nil, "spoken", "missing", "missing", nil])
        #expect(gaps.map { $0["before_name"] as? String } == Array(names[0...4]))
        #expect(gaps.map { $0["after_name"] as? String } == Array(names[1...5]))
        #expect(gaps.map { $0["inside"] as? Bool } == [false, false, false, false, false])
        #expect(abs((gaps[0]["seconds"] as? Double ?? 99) - 0.4) < 0.05)
        #expect(gaps[1...].map { $0["seconds"] as? Double } == [257, 493, 435, 300])
        #expect(gaps[1]["start"] as? String == "2026-03-14T01:27:23Z")
        #expect(gaps[1]["end"] as? String == "2026-03-14T01:31:40Z")

        // 0003: the reason spoken at 0.5 s, about 4 s of it.
        let spokenAt = try #require(gaps[1]["speech_start"] as? Double)
        #expect(abs(spokenAt - 0.5) <= 0.3)
        #expect((gaps[1]["speech_seconds"] as? Double ?? 0) >= 2)
        // 0004: noise only; 0005: no audio track, so no speech measured at all; both missing.
        #expect(gaps[2]["speech_start"] == nil && gaps[2]["speech_seconds"] as? Double == 0)
        #expect(gaps[3]["speech_start"] == nil && gaps[3]["speech_seconds"] == nil)
        // 0006: cut off before its index: the check could not be made, which is an error, not "missing".
        #expect((gaps[4]["error"] as? String ?? "").contains("moov atom not found"))
        #expect(gaps[0...3].allSatisfy { $0["error"] == nil })

        // 0001 opens the activity with the statement spoken at 1.0 s.
        let catalog = try Catalog(path: folder.path + "/catalog.sqlite")
        defer { try? catalog.close() }
        let openings = try catalog.openingStatements()
        #expect(openings.count == 1)
        let opening = try #require(openings.first)
        #expect(opening.explanation == "spoken")
        #expect(abs((opening.speechStart ?? 99) - 1.0) <= 0.3)
        #expect(opening.offset == 0)
        let first = try #require(try catalog.clips().first)
        #expect(opening.clip == first.sha256)
        #expect(first.finalised == true && first.truncated == false && first.jumps == [])

        // The same, as scripts read it.
        let listed = try JSONSerialization.jsonObject(
            with: Data(try custody(["gaps", "--openings", "--format", "json"] + options).stdout.utf8))
        let statements = try #require(listed as? [[String: Any]])
        #expect(statements.count == 1)
        #expect(statements.first?["clip_name"] as? String == names[0])
        #expect(statements.first?["explanation"] as? String == "spoken")
        #expect(statements.first?["start"] as? String == "2026-03-14T01:26:53Z")
        #expect(abs((statements.first?["speech_start"] as? Double ?? 99) - 1.0) <= 0.3)
        #expect(try custody(["gaps", "--openings", "--unexplained", "--format", "json"] + options).stdout == "[]\n")
        #expect(try custody(["gaps", "--openings", "--format", "html"] + options).status == 64)

        // Only the gaps without a spoken or written explanation.
        #expect(try Self.gaps(options, ["--unexplained"]).map { $0["id"] as? Int } == [3, 4, 5])
        #expect(try Self.gaps(options, ["--until", "2026-03-14T01:31:45Z"]).map { $0["id"] as? Int } == [1, 2])
        #expect(try Self.gaps(options, ["--recorder", "B000000"]).isEmpty)
    }

    @Test(
        "a written explanation shows as written with its note and author, keeps the speech found, and survives a refresh"
    )
    func explain() throws {
        let folder = TemporaryFolder()
        let volume = try ScenarioVolume(at: folder.path + "/A123456")
        let options = Self.options(folder)
        try #require(try custody(["ingest", volume.path] + options).status == 0)
        let catalog = try Catalog(path: folder.path + "/catalog.sqlite")
        defer { try? catalog.close() }
        let checks = try catalog.speechCheckCount()

        let explained = try custody(["explain", "3", "--note", "风太大，录音被风声盖住", "--by", "Li Na 012345"] + options)
        #expect(explained.status == 0)
        #expect(explained.stdout == "gap 3 of recorder A123456: written explanation recorded by Li Na 012345\n")
        let written = try Self.gaps(options)[2]
        #expect(written["explanation"] as? String == "written")
        #expect(written["note"] as? String == "风太大，录音被风声盖住")
        #expect(written["note_by"] as? String == "Li Na 012345")
        #expect(written["note_at"] is String)
        #expect(written["speech_seconds"] as? Double == 0)

        // A refresh recomputes everything from the catalog: same ids, the note kept, no audio decoded again.
        let refresh = try custody(["gaps", "--refresh", "--format", "csv"] + options)
        #expect(refresh.status == 0)
        #expect(refresh.stderr == "gaps: 4 interruptions, 2 explained, 1 unexplained, 1 not checked\n")
        #expect(refresh.stdout.hasPrefix("id,recorder,kind,inside,before,after,"))
        let again = try Self.gaps(options)
        #expect(again.map { $0["id"] as? Int } == [1, 2, 3, 4, 5])
        #expect(again.map { $0["explanation"] as? String } == [nil, "spoken", "written", "missing", nil])
        #expect(again[2]["note"] as? String == "风太大，录音被风声盖住")
        #expect(try catalog.speechCheckCount() == checks)
        // A spoken gap explained in writing too keeps its speech.
        #expect(try custody(["explain", "2", "--note", "battery", "--by", "Li Na"] + options).status == 0)
        let both = try Self.gaps(options)[1]
        #expect(both["explanation"] as? String == "written")
        #expect(abs((both["speech_start"] as? Double ?? 99) - 0.5) <= 0.3)
        // A wider window is another check: the audio is decoded again.
        #expect(try custody(["gaps", "--refresh", "--speech-window", "20"] + options).status == 0)
        #expect(try catalog.speechCheckCount() > checks)
        #expect(try Self.gaps(options)[2]["explanation"] as? String == "written")
    }

    @Test("explain refuses a continuation, an unknown gap, an empty note or no author, with exit 64 or 1")
    func explainRefusals() throws {
        let folder = TemporaryFolder()
        let volume = try ScenarioVolume(at: folder.path + "/A123456")
        let options = Self.options(folder)
        try #require(try custody(["ingest", volume.path] + options).status == 0)

        let continuation = try custody(["explain", "1", "--note", "x", "--by", "y"] + options)
        #expect(continuation.status == 64)
        #expect(
            continuation.stderr == "error: gap 1 is a continuation and needs no explanation; only interruptions, "
                + "overlaps and unknown gaps do\n")
        let unknown = try custody(["explain", "99", "--note", "x", "--by", "y"] + options)
        #expect(unknown.status == 1)
        #expect(
            unknown.stderr == "error: there is no gap 99 in the catalog; 'custody gaps' lists the gaps and their ids\n")
        let empty = try custody(["explain", "3", "--note", "  ", "--by", "y"] + options)
        #expect(empty.status == 64)
        #expect(empty.stderr == "error: 'custody explain' needs --note TEXT saying why the recording was interrupted\n")
        #expect(try custody(["explain", "3", "--note", "x"] + options).status == 64)
        #expect(try custody(["explain", "three", "--note", "x", "--by", "y"] + options).status == 64)
        #expect(try custody(["gaps", "--format", "pdf"] + options).status == 64)
        #expect(try custody(["gaps", "--lang", "fr"] + options).status == 64)
        #expect(try custody(["gaps", "--help"]).status == 0)
        #expect(try custody(["explain", "--help"]).status == 0)
        #expect(
            try Self.gaps(options).map { $0["explanation"] as? String } == [nil, "spoken", "missing", "missing", nil])
    }

    // MARK: - Clips made here

    /// Makes a volume of recorder B765432 (clip names in UTC): an opening statement, a continuation into an
    /// MPEG-TS clip with a 60 s clock jump and the reason spoken after it, a MOV with G.711 µ-law speech, an MP4 whose
    /// audio (speech only) is shorter than its picture, an overlap, and a new activity with no opening statement.
    static func makeVolume(_ out: String) throws {
        try Shell.sh(
            #"""
            set -euo pipefail
            out='\#(out)'; mkdir -p "$out/DCIM"; w="$out.work"; mkdir -p "$w"
            ff() { ffmpeg -hide_banner -loglevel error -nostdin -y "$@"; }
            v=(-f lavfi -i "testsrc2=size=160x120:rate=10")
            h264=(-c:v libx264 -preset ultrafast -threads 1 -pix_fmt yuv420p)
            aac=(-c:a aac -ar 48000 -ac 1)
            quiet="anoisesrc=color=pink:amplitude=0.004:sample_rate=48000:seed=7"
            espeak-ng -v en -s 170 -w "$w/say.wav" "The battery ran out, recording resumes now at the market gate."
            mix() { echo "[1]adelay=$1[a];[a][2]amix=inputs=2:duration=longest:normalize=0[m]"; }
            t0=$(date -u -d 2026-03-15T01:00:00Z +%s)
            name() { echo "$out/DCIM/B765432_054321_$(date -u -d "@$((t0 + $1))" +%Y%m%d%H%M%S)_$2.$3"; }
            meta() { echo "creation_time=$(date -u -d "@$((t0 + $1))" +%Y-%m-%dT%H:%M:%SZ)"; }
            ff "${v[@]}" -i "$w/say.wav" -f lavfi -i "$quiet" -filter_complex "$(mix 500)" -map 0:v -map "[m]" -t 10 \
                "${h264[@]}" "${aac[@]}" -metadata "$(meta 0)" "$(name 0 0001 MP4)"
            ff "${v[@]}" -f lavfi -i "$quiet" -t 3 "${h264[@]}" "${aac[@]}" "$w/a.ts"
            ff "${v[@]}" -i "$w/say.wav" -f lavfi -i "$quiet" -filter_complex "$(mix 500)" -map 0:v -map "[m]" -t 6 \
                "${h264[@]}" "${aac[@]}" -output_ts_offset 60 "$w/b.ts"
            cat "$w/a.ts" "$w/b.ts" >"$(name 10 0002 TS)"
            ff "${v[@]}" -i "$w/say.wav" -f lavfi -i "$quiet" -filter_complex "$(mix 1000)" -map 0:v -map "[m]" -t 10 \
                "${h264[@]}" -c:a pcm_mulaw -ar 8000 -ac 1 -metadata "$(meta 176)" "$(name 176 0003 MOV)"
            ff "${v[@]}" -i "$w/say.wav" -map 0:v -map 1:a -t 10 "${h264[@]}" "${aac[@]}" -metadata "$(meta 286)" \
                "$(name 286 0004 MP4)"
            ff "${v[@]}" -f lavfi -i "$quiet" -t 10 "${h264[@]}" "${aac[@]}" -metadata "$(meta 291)" "$(name 291 0005 MP4)"
            ff "${v[@]}" -f lavfi -i "$quiet" -t 10 "${h264[@]}" "${aac[@]}" -metadata "$(meta 2301)" \
                "$(name 2301 0006 MP4)"
            rm -rf "$w"
            """#)
    }

    @Test("a jump inside an MPEG-TS clip, G.711 speech in a MOV, short audio, an overlap and a new activity")
    func madeClips() throws {
        let folder = TemporaryFolder()
        try Self.makeVolume(folder.path + "/B765432")
        let options = Self.options(folder, zone: "UTC")
        let ingest = try custody(["ingest", folder.path + "/B765432"] + options)
        #expect(ingest.status == 0)
        #expect(ingest.stdout.contains("\ngaps: 4 interruptions, 3 explained, 1 unexplained\n"))

        let gaps = try Self.gaps(options)
        #expect(
            gaps.map { $0["kind"] as? String }
                == ["continuation", "interruption", "interruption", "interruption", "overlap", "new_activity"])
        #expect(gaps.map { $0["inside"] as? Bool } == [false, true, false, false, false, false])
        #expect(gaps.map { $0["explanation"] as? String } == [nil, "spoken", "spoken", "spoken", "missing", nil])
        #expect(
            gaps.map { ($0["after_name"] as? String ?? "").components(separatedBy: "_").last }
                == ["0002.TS", "0002.TS", "0003.MOV", "0004.MP4", "0005.MP4", "0006.MP4"])

        // The jump: 3 s of picture, then the clock leaps; the reason is spoken 0.5 s after recording resumes.
        let jump = gaps[1]
        #expect(jump["before"] as? String == jump["after"] as? String)
        #expect(abs((jump["seconds"] as? Double ?? 0) - 56.98) < 0.05)
        #expect(abs((jump["speech_start"] as? Double ?? 99) - 0.5) <= 0.3)
        let catalog = try Catalog(path: folder.path + "/catalog.sqlite")
        defer { try? catalog.close() }
        let transportStream = try #require(try catalog.clips().first { $0.originalName.hasSuffix(".TS") })
        #expect(transportStream.finalised == nil)
        #expect(transportStream.jumps.count == 1)
        let stored = try #require(transportStream.jumps.first)
        #expect(abs(stored.position - 59.98) < 0.05 && abs(stored.seconds - 56.98) < 0.05)
        #expect(jump["start"] as? String == "2026-03-15T01:00:13Z")

        // G.711 µ-law at 8 kHz in a MOV: speech found at 1.0 s.
        #expect(abs((gaps[2]["speech_start"] as? Double ?? 99) - 1.0) <= 0.3)
        #expect(abs((gaps[2]["seconds"] as? Double ?? 0) - 99.98) < 0.05)
        // Audio shorter than the picture: the speech it holds still counts.
        #expect(gaps[3]["seconds"] as? Double == 100)
        #expect((gaps[3]["speech_seconds"] as? Double ?? 0) >= 2)
        // The next clip starts 5 s before the last one ends.
        #expect(gaps[4]["seconds"] as? Double == 5)
        #expect(gaps[4]["end"] as? String == "2026-03-15T01:04:51Z")
        // 2000 s later a new activity opens, without a statement; the first one opened with one.
        #expect(gaps[5]["seconds"] as? Double == 2000)
        let openings = try catalog.openingStatements()
        #expect(openings.map(\.explanation) == ["spoken", "missing"])
        let unexplained = try custody(["gaps", "--openings", "--unexplained", "--format", "csv"] + options)
        #expect(unexplained.stdout.components(separatedBy: "\r\n").count == 3)
        #expect(unexplained.stdout.contains(",2026-03-15T01:38:21Z,missing,,0,\r\n"))
        #expect(abs((openings[0].speechStart ?? 99) - 0.5) <= 0.3)

        // The same clips docked again: nothing new, nothing recomputed, the same gaps.
        let again = try custody(["ingest", folder.path + "/B765432"] + options)
        #expect(again.stdout.contains("\ngaps: 0 interruptions, 0 explained, 0 unexplained\n"))
        #expect(try Self.gaps(options).count == 6)
    }

    @Test("the table and HTML forms are written, to a file with --out")
    func otherFormats() throws {
        let folder = TemporaryFolder()
        try Self.makeVolume(folder.path + "/B765432")
        let options = Self.options(folder, zone: "UTC")
        try #require(try custody(["ingest", folder.path + "/B765432"] + options).status == 0)
        let table = try custody(["gaps", "--lang", "en"] + options)
        #expect(table.status == 0)
        #expect(table.stdout.contains("new activity"))
        #expect(table.stdout.contains("interruption"))
        let html = try custody(
            ["gaps", "--format", "html", "--lang", "zh", "--out", folder.path + "/gaps.html"] + options)
        #expect(html.status == 0 && html.stdout.isEmpty)
        let page = try String(contentsOfFile: folder.path + "/gaps.html", encoding: .utf8)
        #expect(page.contains("<html lang=\"zh-CN\">"))
        #expect(page.contains("<svg"))
        let unwritable = try custody(["gaps", "--out", folder.path + "/missing/gaps.txt"] + options)
        #expect(unwritable.status == 1)
        #expect(unwritable.stderr.hasPrefix("error: cannot write the report to '\(folder.path)/missing/gaps.txt'"))
    }
}
