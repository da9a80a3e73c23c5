// vault-bench: stages and commits one clip with the Vault and prints how long each step took.
// Used by benchmarks/copy/run.sh; not installed with custody.
import Glibc
import Vault

/// Writes one line to standard error.
func complain(_ line: String) {
    let text = line + "\n"
    _ = text.withCString { write(2, $0, strlen($0)) }
}

let usage = "usage: vault-bench CLIP STORE [NAME] [--block-size BYTES]"
var arguments = Array(CommandLine.arguments.dropFirst())
var blockSize = Vault.defaultBlockSize
if let flag = arguments.firstIndex(of: "--block-size"), flag + 1 < arguments.count, let size = Int(arguments[flag + 1]),
    size > 0
{
    blockSize = size
    arguments.removeSubrange(flag...flag + 1)
}
guard arguments.count == 2 || arguments.count == 3 else {
    complain(usage)
    exit(64)
}
let clip = arguments[0]
let name = arguments.count == 3 ? arguments[2] : "bench/" + (clip.split(separator: "/").last.map(String.init) ?? "clip")

do {
    let clock = ContinuousClock()
    let started = clock.now
    let vault = try Vault(root: arguments[1], blockSize: blockSize)
    let staged = try vault.stage(clip)
    let staging = staged.seconds
    let size = staged.size
    let stored = try vault.commit(staged, as: name)
    let total = (clock.now - started) / .seconds(1)
    let rate = Double(size) / 1_000_000 / total
    print(
        "clip=\(clip) bytes=\(size) block_size=\(blockSize) stage_seconds=\(staging) "
            + "commit_seconds=\(total - staging) total_seconds=\(total) mb_per_second=\(rate) "
            + "sha256=\(stored.sha256) adopted=\(stored.adopted)")
} catch {
    complain("error: \(error)")
    exit(1)
}
