using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartnershipLedger.Import;

/// <summary>
/// The names (refs) an import file gives to what it creates, and the ids they stand for. A ref is usable only on
/// lines after the one that defines it, so a file reads top to bottom like the history it tells.
/// </summary>
public sealed class ImportReferences
{
    public sealed record Definition(Guid Id, int Line, ImportStream? Stream);

    private readonly Dictionary<string, Definition> definitions = new(StringComparer.Ordinal);

    /// <summary>The line being read: refs defined on it or later are not yet known.</summary>
    public int CurrentLine { get; set; }

    public int Count => definitions.Count;

    /// <summary>Defines <paramref name="name"/> on <paramref name="line"/>; null when it is already defined.</summary>
    public Definition? Define(string name, int line, ImportStream? stream)
    {
        var definition = new Definition(Uuid7.Next(), line, stream);
        return definitions.TryAdd(name, definition) ? definition : null;
    }

    public Definition? Find(string name) =>
        definitions.TryGetValue(name, out var definition) && definition.Line < CurrentLine ? definition : null;

    public Definition? DefinedOn(int line, string name) =>
        definitions.TryGetValue(name, out var definition) && definition.Line == line ? definition : null;

    /// <summary>Reads id-valued data fields: each is a ref defined on an earlier line.</summary>
    public sealed class Converter(ImportReferences references) : JsonConverter<Guid>
    {
        public override Guid Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var name = reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException("a ref (a string) is expected.");
            return references.Find(name)?.Id ?? throw new JsonException($"'{name}' is not a ref defined on an earlier line.");
        }

        public override void Write(Utf8JsonWriter writer, Guid value, JsonSerializerOptions options) =>
            throw new NotSupportedException("Import references are read, not written.");
    }
}
