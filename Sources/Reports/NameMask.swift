/// Hides personal names in listings (article 31): `张三丰` becomes `张**`, `John Smith` becomes `J*** S****`.
///
/// A Chinese name keeps its first character (the family name); a name in Latin letters keeps the first letter of
/// each word. Every other character becomes `*`; spaces and hyphens stay so the shape of the name shows.
public enum NameMask {
    /// The name masked; nil stays nil.
    public static func mask(_ name: String?) -> String? {
        guard let name else { return nil }
        var result = ""
        var startOfWord = true
        for character in name {
            if character == " " || character == "-" || character == "·" {
                result.append(character)
                startOfWord = true
                continue
            }
            let keep = startOfWord && (result.isEmpty || !isHan(character))
            result.append(keep ? character : "*")
            startOfWord = false
        }
        return result
    }

    static func isHan(_ character: Character) -> Bool {
        character.unicodeScalars.contains {
            (0x3400...0x9FFF).contains($0.value) || (0x20000...0x3FFFD).contains($0.value)
        }
    }
}
