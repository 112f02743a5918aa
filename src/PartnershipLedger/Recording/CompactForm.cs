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
        field is null || (field.Length > 0 && field != Absent && !field.Any(c => c == Separator || c == '"' || c == '\\' || char.IsControl(c) || char.IsSurrogate(c)));

    /// <summary>Writes the fields (trailing absent ones left out) as one JSON string, as they are: <see cref="Fits"/> holds for each.</summary>
    public static void Write(Utf8JsonWriter writer, ReadOnlySpan<string?> fields)
    {
        var count = fields.Length;
        while (count > 0 && fields[count - 1] is null) count--;
        var text = new StringBuilder("\"");
        for (var i = 0; i < count; i++)
        {
            if (i > 0) text.Append(Separator);
            text.Append(fields[i] ?? Absent);
        }
        // Written raw: the default encoder would escape the '+' of every offset as \u002B.
        writer.WriteRawValue(text.Append('"').ToString(), skipInputValidation: true);
    }

    /// <summary>The fields of a compact string; absent ones (marked or left out) are null.</summary>
    public static string?[] Read(string text, int fields)
    {
        var parts = text.Split(Separator);
        if (parts.Length > fields) throw new JsonException($"'{text}' has {parts.Length} fields; at most {fields} are stored.");
        var read = new string?[fields];
        for (var i = 0; i < parts.Length; i++) read[i] = parts[i] == Absent ? null : parts[i];
        return read;
    }

    /// <summary>An instant as the store writes one (no fraction when it has none), which <see cref="Instant"/> reads back exactly.</summary>
    public static string Text(DateTimeOffset instant) =>
        instant.ToString(instant.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:sszzz" : "O", CultureInfo.InvariantCulture);

    public static DateTimeOffset Instant(string? text) =>
        DateTimeOffset.Parse(text ?? throw new JsonException("A stored instant is missing."), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static int Number(string? text) => text is null ? 0 : int.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
}

