using System.Buffers;
using System.Text.Unicode;

namespace ClipHost.Engine.Data.Sources;

/// <summary>
/// Finds where a text file stops being UTF-8, so a Latin-1 manifest is refused naming the spot rather than read
/// with U+FFFD in place of its accents. Files with a UTF-16 byte-order mark are left to the reader, which decodes them.
/// </summary>
public static class Utf8Check
{
    private const int BufferBytes = 1 << 16;

    /// <summary>Throws <see cref="InvalidDataException"/> naming the file, line and byte, and the command that fixes it.</summary>
    public static void Require(string path, CancellationToken cancellationToken)
    {
        if (FirstInvalid(path, cancellationToken) is { } bad)
        {
            var name = Path.GetFileName(path);
            var copy = Path.GetFileNameWithoutExtension(path) + ".utf8" + Path.GetExtension(path);
            throw new InvalidDataException(
                $"{name} is not UTF-8: line {bad.Line}, byte {bad.Column} is 0x{bad.Value:X2}; it looks Latin-1 (or Windows-1252) encoded. " +
                $"Convert it and import the copy: iconv -f latin1 -t utf-8 {name} > {copy}");
        }
    }

    /// <summary>The 1-based line and byte within it of the first byte that is not UTF-8, or null when the file is UTF-8.</summary>
    public static (long Line, long Column, byte Value)? FirstInvalid(string path, CancellationToken cancellationToken)
    {
        using var file = File.OpenRead(path);
        var bytes = new byte[BufferBytes];
        var chars = new char[BufferBytes];
        var (line, lineStart, offset, carry) = (1L, 0L, 0L, 0);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var read = file.Read(bytes, carry, bytes.Length - carry);
            var length = carry + read;
            if (offset == 0 && length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
            {
                return null;
            }
            var status = Utf8.ToUtf16(bytes.AsSpan(0, length), chars, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: read == 0);
            var valid = bytes.AsSpan(0, consumed);
            var at = 0;
            while (valid[at..].IndexOf((byte)'\n') is var i and >= 0)
            {
                line++;
                at += i + 1;
                lineStart = offset + at;
            }
            if (status == OperationStatus.InvalidData)
            {
                return (line, offset + consumed - lineStart + 1, bytes[consumed]);
            }
            if (read == 0)
            {
                return null;
            }
            // An incomplete sequence at the end of the buffer is carried into the next read.
            carry = length - consumed;
            Array.Copy(bytes, consumed, bytes, 0, carry);
            offset += consumed;
        }
    }
}
