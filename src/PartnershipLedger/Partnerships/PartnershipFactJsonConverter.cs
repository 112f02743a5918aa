using System.Text.Json;
using System.Text.Json.Serialization;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Partnerships;

/// <summary>
/// A decision state's <see cref="Partnership.Fact"/> stored as one string, "type occurredAt subject retracted" (e.g.
/// "LeadAccepted 2024-12-30T09:00:00+00:00 01a210dd-…", "JointPlanCreated 2024-08-07T08:15:00+00:00 - retracted"), see
/// <see cref="CompactForm"/>: a decision state remembers every event of its stream. Facts stored as objects read the same.
/// </summary>
internal sealed class PartnershipFactJsonConverter : JsonConverter<Partnership.Fact>
{
    private const string Retracted = "retracted";

    public override Partnership.Fact Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            var stored = JsonSerializer.Deserialize<StoredObject>(ref reader, options) ?? throw new JsonException("A fact is null.");
            return new Partnership.Fact(stored.Type, stored.OccurredAt, stored.Subject, stored.Retracted);
        }
        var f = CompactForm.Read(reader.GetString()!, 4);
        if (f[3] is not (null or Retracted)) throw new JsonException($"A fact's last field is '{Retracted}' or nothing, not '{f[3]}'.");
        return new Partnership.Fact(f[0] ?? throw new JsonException("A fact has no type."), CompactForm.Instant(f[1]),
            f[2] is null ? null : Guid.Parse(f[2]!), f[3] == Retracted);
    }

    public override void Write(Utf8JsonWriter writer, Partnership.Fact fact, JsonSerializerOptions options)
    {
        if (!CompactForm.Fits(fact.Type))
        {
            JsonSerializer.Serialize(writer, new StoredObject(fact.Type, fact.OccurredAt, fact.Subject, fact.Retracted), options);
            return;
        }
        var line = new CompactForm.Line(stackalloc byte[160]);
        line.Add(fact.Type);
        line.Add(fact.OccurredAt);
        line.Add(fact.Subject);
        line.Add(fact.Retracted ? Retracted : null);
        line.WriteTo(writer);
    }

    /// <summary>The object form every fact was stored in before (its subject and retraction only when set).</summary>
    private sealed record StoredObject(
        string Type,
        DateTimeOffset OccurredAt,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] Guid? Subject,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Retracted);
}
