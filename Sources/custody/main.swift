import Foundation

// The custody command line: parse, validate everything, act, and exit 0 (success), 1 (failure) or 64 (usage).
setvbuf(stdout, nil, _IOLBF, 0)
let status = await CommandLineTool.run(Array(CommandLine.arguments.dropFirst()))
exit(status)
