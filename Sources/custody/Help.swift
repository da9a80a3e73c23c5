/// Help texts: one per subcommand, printed by `--help`.
enum Help {
    static let overview = """
        custody: takes body-worn camera footage into evidence storage when a recorder docks.

        usage: custody <command> [options]

        commands:
          ingest PATH   copy, verify, probe and index every clip on the recorder volume at PATH now
          daemon        follow the mount table and ingest every recorder volume that mounts
          clips         list the clips in the catalog
          recorder      set a recorder's handler and clock; list the recorders
          case          open, close, show and list cases; assign clips to them
          history       show every tag change of a clip, a case or a recorder
          hold          suspend deletion of a case's clips or of one clip
          release       end a hold
          purge         delete the originals past their retention date
          probe FILE    show what libavformat reads from a clip, without storing it
          calendar      whether a day is a working day and why (holidays, make-up working days)
          deadlines     clips stored late, recorders not docked, case files due (article 27)
          gaps          list the gaps between and inside clips, and whether each interruption was explained
          explain ID    record a written explanation of an interruption

        'custody <command> --help' tells more. Commands that use the catalog take --store, --catalog, --config
        and --timezone; every configuration key is also a flag. 'custody --version' names this release.
        Exit status: 0 success, 1 failure, 64 bad usage.

        """

    /// This release of custody.
    static let version = "custody 0.1.0"

    static func command(_ usage: String, _ summary: String, options: [Arguments.Option]) -> String {
        var text = "usage: custody \(usage)\n\n\(summary)\n\noptions:\n"
        let width = options.map { $0.name.count + ($0.takesValue ? 6 : 0) }.max() ?? 0
        for option in options {
            let left = "--" + option.name + (option.takesValue ? " VALUE" : "")
            text += "  " + left + String(repeating: " ", count: width + 4 - left.count) + option.help + "\n"
        }
        return text
    }
}
