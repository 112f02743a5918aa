using System.Text;
using System.Text.Unicode;

namespace PartnershipLedger.Import;

/// <summary>
/// The lines of an import file as UTF-8 bytes, read in large blocks: no string per line, no transcoding to UTF-16 and
/// back for the JSON reader. Lines end at \n, \r\n or a lone \r and are numbered as a text reader numbers them (the
/// first is 1); blank lines are skipped but counted; a UTF-8 byte order mark at the start is skipped. A line's bytes
/// are valid until the enumeration moves on. A line that is not UTF-8 is refused with its number.
/// </summary>
public static class ImportLines
{
    private const int BlockSize = 1 << 20;

    public static IEnumerable<(int Line, ReadOnlyMemory<byte> Text)> Read(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var buffer = new byte[BlockSize];
        int start = 0, end = 0, line = 0;
        var atEnd = false;
        var first = true;
        while (true)
        {
            var pending = buffer.AsSpan(start, end - start);
            var at = pending.IndexOfAny((byte)'\n', (byte)'\r');
            // A \r last in the block may be the first half of \r\n: read on before ending the line there.
            if (at < 0 || (pending[at] == '\r' && at == pending.Length - 1 && !atEnd))
            {
                if (atEnd)
                {
                    if (pending.Length > 0 && !Blank(pending)) yield return Line(line + 1, buffer.AsMemory(start, pending.Length));
                    yield break;
                }
                if (start > 0)
                {
                    pending.CopyTo(buffer);
                    (start, end) = (0, pending.Length);
                }
                if (end == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);   // a line longer than the block
                var read = file.Read(buffer, end, buffer.Length - end);
                if (read == 0) atEnd = true;
                end += read;
                if (first && end - start >= 3 && buffer.AsSpan(start, 3).SequenceEqual("\uFEFF"u8))
                {
                    start += 3;
                    first = false;
                }
                else if (end - start >= 3 || atEnd) first = false;
                continue;
            }
            var text = buffer.AsMemory(start, at);
            start += at + (pending[at] == '\r' && at + 1 < pending.Length && pending[at + 1] == '\n' ? 2 : 1);
            line++;
            if (!Blank(text.Span)) yield return Line(line, text);
        }
    }

    private static (int, ReadOnlyMemory<byte>) Line(int line, ReadOnlyMemory<byte> text) =>
        Utf8.IsValid(text.Span) ? (line, text) : throw new ImportRejectedException(line, ["the line is not UTF-8 text (schema/import-format.md)."]);

    /// <summary>Empty or white space only, as <see cref="string.IsNullOrWhiteSpace"/> tells.</summary>
    private static bool Blank(ReadOnlySpan<byte> text)
    {
        foreach (var b in text)
        {
            if (b >= 0x80) return string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(text));
            if (!char.IsWhiteSpace((char)b)) return false;
        }
        return true;
    }
}
