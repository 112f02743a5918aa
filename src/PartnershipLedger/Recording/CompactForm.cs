using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PartnershipLedger.Recording;

/// <summary>
/// A small record stored as one JSON string of space-separated fields rather than a JSON object. Documents written for
/// every partnership by each rebuild and import hold such records by the dozen (a timeline's changes, a trend
/// contribution's months, a decision state's facts), and PostgreSQL parses a jsonb string several times faster than an
/// object (every number goes through its numeric parser, every object has its keys sorted): COPYing documents into jsonb
/// is the largest single cost of a rebuild. A record whose fields do not <see cref="Fits"/> is stored as an object by its
/// converter, and objects (every document stored before) read as before.
/// </summary>
internal static class CompactForm
{
    public const char Separator = ' ';

    /// <summary>Marks an absent (null or empty) field in the middle of a string.</summary>
    public const string Absent = "-";

    /// <summary>
    /// Whether <paramref name="field"/> (null: absent) can stand in a compact string as itself and read back the same:
    /// not empty, not the absent marker, without the separator, quotes, backslashes, control characters or surrogates.
    /// </summary>
    public static bool Fits(string? field) =>
        field is null || (field.Length > 0 && field != Absent && !field.AsSpan().ContainsAny(Unfit));

    /// <summary>What a field cannot hold: the separator, quotes, backslashes, control characters (as <see cref="char.IsControl(char)"/>) and surrogates.</summary>
    private static readonly SearchValues<char> Unfit = SearchValues.Create(
        [Separator, '"', '\\', .. Range('\u0000', '\u001f'), .. Range('\u007f', '\u009f'), .. Range('\ud800', '\udfff')]);

    private static IEnumerable<char> Range(char first, char last) => Enumerable.Range(first, last - first + 1).Select(code => (char)code);

    /// <summary>
    /// One compact string, built field by field as UTF-8 in a buffer the caller gives (a stack buffer; a longer string
    /// rents a larger one) and written raw: no string is made for a field or for the whole. A field added as null is
    /// absent ("-" between present fields, left out at the end). Strings added must <see cref="Fits"/>.
    /// </summary>
    public ref struct Line
    {
        private Span<byte> buffer;
        private byte[]? rented;
        private int length;
        private int absent;

        public Line(Span<byte> buffer)
        {
            this.buffer = buffer;
            Reserve(1);
            this.buffer[length++] = (byte)'"';
        }

        public void Add(string? field)
        {
            if (field is null) { absent++; return; }
            Separate(Encoding.UTF8.GetMaxByteCount(field.Length));
            length += Encoding.UTF8.GetBytes(field, buffer[length..]);
        }

        /// <summary>An instant as <see cref="WriteInstant"/> writes it.</summary>
        public void Add(DateTimeOffset instant)
        {
            Separate(MaxInstantLength);
            length += WriteInstant(buffer[length..], instant);
        }

        public void Add(Guid? id)
        {
            if (id is not { } value) { absent++; return; }
            Separate(36);
            value.TryFormat(buffer[length..], out var written);
            length += written;
        }

        public void Add(int? number)
        {
            if (number is not { } value) { absent++; return; }
            Separate(11);
            value.TryFormat(buffer[length..], out var written, default, CultureInfo.InvariantCulture);
            length += written;
        }

        /// <summary>Writes the string as it is (the default encoder would escape the '+' of every offset as \u002B).</summary>
        public void WriteTo(Utf8JsonWriter writer)
        {
            Reserve(1);
            buffer[length++] = (byte)'"';
            writer.WriteRawValue(buffer[..length], skipInputValidation: true);
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
            rented = null;
            buffer = default;   // written: nothing more can be added
            length = 0;
        }

        /// <summary>Before a present field: the absent ones before it and the separators, then room for <paramref name="bytes"/>.</summary>
        private void Separate(int bytes)
        {
            Reserve(2 * absent + 1 + bytes);
            for (; absent > 0; absent--)
            {
                if (length > 1) buffer[length++] = (byte)Separator;
                buffer[length++] = (byte)Absent[0];
            }
            if (length > 1) buffer[length++] = (byte)Separator;
        }

        private void Reserve(int bytes)
        {
            if (length + bytes <= buffer.Length) return;
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(2 * buffer.Length, length + bytes));
            buffer[..length].CopyTo(larger);
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
            buffer = rented = larger;
        }
    }

    /// <summary>
    /// Writes <paramref name="instant"/> as the store writes one, which <see cref="Instant"/> reads back exactly: a whole
    /// second as "yyyy-MM-ddTHH:mm:ss+hh:mm", digit by digit (as a custom format string it was parsed again at every
    /// instant a rebuild writes), one with a fraction as "O".
    /// </summary>
    private static int WriteInstant(Span<byte> to, DateTimeOffset instant)
    {
        if (instant.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            instant.TryFormat(to, out var written, "O", CultureInfo.InvariantCulture);
            return written;
        }
        var (clock, offset) = (instant.DateTime, instant.Offset);
        Digits(to[..4], clock.Year);
        to[4] = (byte)'-';
        Digits(to.Slice(5, 2), clock.Month);
        to[7] = (byte)'-';
        Digits(to.Slice(8, 2), clock.Day);
        to[10] = (byte)'T';
        Digits(to.Slice(11, 2), clock.Hour);
        to[13] = (byte)':';
        Digits(to.Slice(14, 2), clock.Minute);
        to[16] = (byte)':';
        Digits(to.Slice(17, 2), clock.Second);
        to[19] = offset < TimeSpan.Zero ? (byte)'-' : (byte)'+';
        Digits(to.Slice(20, 2), Math.Abs(offset.Hours));
        to[22] = (byte)':';
        Digits(to.Slice(23, 2), Math.Abs(offset.Minutes));
        return 25;
    }

    /// <summary>Writes <paramref name="value"/> in all of <paramref name="to"/>, padded with zeros.</summary>
    private static void Digits(Span<byte> to, int value)
    {
        for (var i = to.Length - 1; i >= 0; i--, value /= 10) to[i] = (byte)('0' + value % 10);
    }

    /// <summary>The longest instant <see cref="WriteInstant"/> writes: "yyyy-MM-ddTHH:mm:ss.fffffff+hh:mm".</summary>
    private const int MaxInstantLength = 33;

    /// <summary>The fields of a compact string; absent ones (marked or left out) are null.</summary>
    public static string?[] Read(string text, int fields)
    {
        var parts = text.Split(Separator);
        if (parts.Length > fields) throw new JsonException($"'{text}' has {parts.Length} fields; at most {fields} are stored.");
        var read = new string?[fields];
        for (var i = 0; i < parts.Length; i++) read[i] = parts[i] == Absent ? null : parts[i];
        return read;
    }

    public static DateTimeOffset Instant(string? text) =>
        DateTimeOffset.Parse(text ?? throw new JsonException("A stored instant is missing."), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    public static int Number(string? text) => text is null ? 0 : int.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
}

