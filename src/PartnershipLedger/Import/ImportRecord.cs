using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartnershipLedger.Import;

/// <summary>
/// One line of an import file (schema/import-format.md): a fact of a stream, named by its event type, with the
/// fields of the command that records it. <see cref="Ref"/> names what the record creates (a stream, or a fact later
/// records refer to); <see cref="Stream"/> and id-valued data fields refer to names given on earlier lines.
/// <see cref="Data"/> is the command's fields as the line's UTF-8 JSON (empty when the line has none), valid as long as
/// the line (<see cref="ImportLines"/>).
/// </summary>
public sealed record ImportRecord(
    string? Type,
    string? Stream,
    string? Ref,
    string? By,
    DateTimeOffset? OccurredAt,
    ReadOnlyMemory<byte> Data)
{
    /// <summary>
    /// Reads a line's record straight from its UTF-8 bytes: names matched ignoring case, other names passed over, as
    /// the format's JSON settings read them. With <paramref name="headerOnly"/>, only the type, stream and ref (the
    /// first reading of the file). A line that is not one JSON object, or a field of the wrong kind, is refused.
    /// </summary>
    public static ImportRecord Read(int line, ReadOnlyMemory<byte> text, bool headerOnly = false)
    {
        string? type = null, stream = null, reference = null, by = null;
        DateTimeOffset? occurredAt = null;
        ReadOnlyMemory<byte> data = default;
        try
        {
            var reader = new Utf8JsonReader(text.Span);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException("the line holds no object.");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = FieldOf(ref reader);
                reader.Read();
                switch (field)
                {
                    case "type": type = Text(ref reader, line, field); break;
                    case "stream": stream = Text(ref reader, line, field); break;
                    case "ref": reference = Text(ref reader, line, field); break;
                    case "by" when !headerOnly: by = Text(ref reader, line, field); break;
                    case "occurredAt" when !headerOnly: occurredAt = Instant(ref reader, line); break;
                    case "data" when !headerOnly:
                        var start = (int)reader.TokenStartIndex;
                        reader.Skip();
                        data = text[start..(int)reader.BytesConsumed];
                        break;
                    default: reader.Skip(); break;
                }
            }
            reader.Read();   // past the object: the reader refuses anything on the line but white space
        }
        catch (Exception problem) when (problem is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string whose escapes make no text (a lone surrogate such as \ud800).
            throw new ImportRejectedException(line, [$"not a JSON object ({problem.Message})."]);
        }
        return new ImportRecord(type, stream, reference, by, occurredAt, data);
    }

    private static readonly string[] Fields = ["type", "stream", "ref", "by", "occurredAt", "data"];

    /// <summary>The format's field a property names (ignoring case), or null.</summary>
    private static string? FieldOf(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            foreach (var field in Fields)
                if (System.Text.Ascii.EqualsIgnoreCase(reader.ValueSpan, field)) return field;
            return null;
        }
        var name = reader.GetString();
        return Fields.FirstOrDefault(field => string.Equals(field, name, StringComparison.OrdinalIgnoreCase));
    }

    private static string? Text(ref Utf8JsonReader reader, int line, string field) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw new ImportRejectedException(line, [$"\"{field}\" must be a string."]),
    };

    private static DateTimeOffset? Instant(ref Utf8JsonReader reader, int line) => reader.TokenType switch
    {
        JsonTokenType.String when reader.TryGetDateTimeOffset(out var instant) => instant,
        JsonTokenType.Null => null,
        _ => throw new ImportRejectedException(line, ["\"occurredAt\" must be a date and time in ISO 8601, such as 2023-07-04T11:00:00+00:00."]),
    };
}

/// <summary>The JSON settings of the import format: camelCase names, enums by name, ids written as refs.</summary>
public static class ImportJson
{
    public static JsonSerializerOptions Options(JsonConverter<Guid> references) => new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(), references },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
    };
}

/// <summary>A record that cannot be imported: its line and every problem found in it. Nothing of the import is stored.</summary>
public sealed class ImportRejectedException(int line, IReadOnlyList<string> problems)
    : Exception($"line {line}: {string.Join(" ", problems)}")
{
    public int Line { get; } = line;
    public IReadOnlyList<string> Problems { get; } = problems;
}
