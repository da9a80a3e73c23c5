import Reports
import Testing

@Suite("NameMask")
struct NameMaskTests {
    @Test("a Chinese name keeps its first character and a Latin name the first letter of each word")
    func masks() {
        #expect(NameMask.mask("张三") == "张*")
        #expect(NameMask.mask("张三丰") == "张**")
        #expect(NameMask.mask("John Smith") == "J*** S****")
        #expect(NameMask.mask("Anne-Marie Li") == "A***-M**** L*")
        #expect(NameMask.mask(nil) == nil)
    }
}
