using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartnershipLedger.Import;

/// <summary>
/// One line of an import file (schema/import-format.md): a fact of a stream, named by its event type, with the
/// fields of the command that records it. <see cref="Ref"/> names what the record creates (a stream, or a fact later
/// records refer to); <see cref="Stream"/> and id-valued data fields refer to names given on earlier lines.
/// </summary>
public sealed record ImportRecord(
    string? Type,
    string? Stream,
    string? Ref,
    string? By,
    DateTimeOffset? OccurredAt,
    JsonElement Data);

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
