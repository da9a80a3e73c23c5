/// One page-aligned block of memory for reading and writing clips, freed when the buffer goes away.
final class AlignedBuffer {
    /// Start of the block.
    let pointer: UnsafeMutableRawPointer
    /// Size of the block in bytes.
    let count: Int

    init(count: Int, alignment: Int = 4096) {
        self.count = count
        self.pointer = UnsafeMutableRawPointer.allocate(byteCount: count, alignment: alignment)
    }

    deinit {
        pointer.deallocate()
    }
}
