import Foundation

// The custody command line: parse, validate everything, act, and exit 0 (success), 1 (failure) or 64 (usage).
let status = await CommandLineTool.run(Array(CommandLine.arguments.dropFirst()))
exit(status)
