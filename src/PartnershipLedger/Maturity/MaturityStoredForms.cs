using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using PartnershipLedger.Model;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Maturity;

/// <summary>
/// A <see cref="MaturityChange"/> stored as "at function from to basis causeEventId cause organization yesCount level"
/// (enums as their numbers, as the store writes them; absent fields "-", trailing ones left out; e.g.
/// "2024-09-20T12:45:00+00:00 2 0 1 - 01a210dd-… AgreementSigned", an evidenced rise caused by a signed agreement).
/// </summary>
internal sealed class MaturityChangeJsonConverter : JsonConverter<MaturityChange>
{
    private const int Fields = 10;

    public override MaturityChange Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            return (JsonSerializer.Deserialize<StoredObject>(ref reader, options) ?? throw new JsonException("A maturity change is null.")).Change();
        var f = CompactForm.Read(reader.GetString()!, Fields);
        return new MaturityChange(
            (BusinessFunction)CompactForm.Number(f[1]), CompactForm.Instant(f[0]),
            f[2] is null ? null : (MaturityLevel)CompactForm.Number(f[2]), (MaturityLevel)CompactForm.Number(f[3]), (MaturityBasis)CompactForm.Number(f[4]),
            f[5] is null ? null : Guid.Parse(f[5]!), f[6],
            f[7] is null ? null : new SelfAssessed(f[7]!, f[8] ?? "", f[9] ?? ""));
    }

    public override void Write(Utf8JsonWriter writer, MaturityChange change, JsonSerializerOptions options)
    {
        var (organization, yesCount, level) = change.Assessment is { } by ? (by.Organization, by.YesCount, by.Level) : (null, null, null);
        // A field the string cannot hold as it is (see CompactForm.Fits), or an assessment missing one, is stored as an object.
        var fits = CompactForm.Fits(change.Cause) && CompactForm.Fits(organization) && CompactForm.Fits(yesCount) && CompactForm.Fits(level)
                   && (change.Assessment is null || organization is not null && yesCount is not null && level is not null);
        if (!fits)
        {
            JsonSerializer.Serialize(writer, StoredObject.Of(change), options);
            return;
        }
        var line = new CompactForm.Line(stackalloc byte[256]);
        line.Add(change.At);
        line.Add((int)change.Function);
        line.Add((int?)change.From);
        line.Add((int)change.To);
        line.Add(change.Basis == default ? null : (int)change.Basis);
        line.Add(change.CauseEventId);
        line.Add(change.Cause);
        line.Add(organization);
        line.Add(yesCount);
        line.Add(level);
        line.WriteTo(writer);
    }

    /// <summary>The object form: how every change was stored before, and how one that does not fit a string still is.</summary>
    private sealed record StoredObject(
        BusinessFunction Function, DateTimeOffset At,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] MaturityLevel? From,
        MaturityLevel To,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] MaturityBasis Basis,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? CauseEventId,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Cause,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SelfAssessed? Assessment)
    {
        public MaturityChange Change() => new(Function, At, From, To, Basis, CauseEventId, Cause, Assessment);

        public static StoredObject Of(MaturityChange change) =>
            new(change.Function, change.At, change.From, change.To, change.Basis, change.CauseEventId, change.Cause, change.Assessment);
    }
}

/// <summary>A month's <see cref="PartnershipTrendContribution.Contribution"/> stored as "net0 net1 net2 net3 ups downs" (moves that are 0 left out at the end).</summary>
internal sealed class TrendContributionJsonConverter : JsonConverter<PartnershipTrendContribution.Contribution>
{
    public override PartnershipTrendContribution.Contribution Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            var stored = JsonSerializer.Deserialize<StoredObject>(ref reader, options) ?? throw new JsonException("A trend contribution is null.");
            return new PartnershipTrendContribution.Contribution { Net = stored.Net ?? new int[4], Ups = stored.Ups, Downs = stored.Downs };
        }
        var f = CompactForm.Read(reader.GetString()!, 6);
        return new PartnershipTrendContribution.Contribution
        {
            Net = [CompactForm.Number(f[0]), CompactForm.Number(f[1]), CompactForm.Number(f[2]), CompactForm.Number(f[3])],
            Ups = CompactForm.Number(f[4]),
            Downs = CompactForm.Number(f[5]),
        };
    }

    public override void Write(Utf8JsonWriter writer, PartnershipTrendContribution.Contribution value, JsonSerializerOptions options)
    {
        if (value.Net is not { Length: 4 })
        {
            JsonSerializer.Serialize(writer, new StoredObject(value.Net, value.Ups, value.Downs), options);
            return;
        }
        var line = new CompactForm.Line(stackalloc byte[80]);
        foreach (var net in value.Net) line.Add(net);
        line.Add(value.Ups == 0 ? null : value.Ups);
        line.Add(value.Downs == 0 ? null : value.Downs);
        line.WriteTo(writer);
    }

    /// <summary>The object form every contribution was stored in before.</summary>
    private sealed record StoredObject(int[]? Net, int Ups, int Downs);
}

/// <summary>
/// A <see cref="MaturityFact"/> stored as [eventId, type, occurredAt, recordedAt, data] with its retraction's instant
/// last when retracted: its fields' names, repeated in every fact, were a fifth of a maturity document. In a document's
/// list of facts (<see cref="MaturityFactsJsonConverter"/>) a recording instant equal to the fact before's is stored as
/// null.
/// </summary>
internal sealed class MaturityFactJsonConverter : JsonConverter<MaturityFact>
{
    public override MaturityFact Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Read(ref reader, null, options);

    /// <summary>A fact in either form; a null recording instant is <paramref name="recordedBefore"/>'s (the fact before's).</summary>
    internal static MaturityFact Read(ref Utf8JsonReader reader, DateTimeOffset? recordedBefore, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            var stored = JsonSerializer.Deserialize<StoredObject>(ref reader, options) ?? throw new JsonException("A maturity fact is null.");
            return new MaturityFact(stored.EventId, stored.Type, stored.OccurredAt, stored.RecordedAt, stored.Data) { RetractedAt = stored.RetractedAt };
        }
        var eventId = Next(ref reader).GetGuid();
        var type = Next(ref reader).GetString() ?? throw new JsonException("A maturity fact has no type.");
        var occurredAt = Next(ref reader).GetDateTimeOffset();
        var recordedAt = Next(ref reader).TokenType == JsonTokenType.Null
            ? recordedBefore ?? throw new JsonException("A maturity fact's recording instant is that of the fact before it, and there is none.")
            : reader.GetDateTimeOffset();
        Next(ref reader);
        var data = JsonElement.ParseValue(ref reader);
        DateTimeOffset? retractedAt = Next(ref reader).TokenType == JsonTokenType.EndArray ? null : reader.GetDateTimeOffset();
        if (retractedAt is not null && Next(ref reader).TokenType != JsonTokenType.EndArray) throw new JsonException("A maturity fact has at most 6 fields.");
        return new MaturityFact(eventId, type, occurredAt, recordedAt, data) { RetractedAt = retractedAt };
    }

    private static ref Utf8JsonReader Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read()) throw new JsonException("A maturity fact ends early.");
        return ref reader;
    }

    public override void Write(Utf8JsonWriter writer, MaturityFact fact, JsonSerializerOptions options) => Write(writer, fact, null);

    /// <summary>Writes a fact as an array; its recording instant as null when it is exactly <paramref name="recordedBefore"/>.</summary>
    internal static void Write(Utf8JsonWriter writer, MaturityFact fact, DateTimeOffset? recordedBefore)
    {
        writer.WriteStartArray();
        writer.WriteStringValue(fact.EventId);
        writer.WriteStringValue(fact.Type);
        writer.WriteStringValue(fact.OccurredAt);
        if (recordedBefore is { } before && before.EqualsExact(fact.RecordedAt)) writer.WriteNullValue();
        else writer.WriteStringValue(fact.RecordedAt);
        // The kept fields' JSON as held (one parsed document per fact): copied, not written again token by token.
        writer.WriteRawValue(JsonMarshal.GetRawUtf8Value(fact.Data), skipInputValidation: true);
        if (fact.RetractedAt is { } retractedAt) writer.WriteStringValue(retractedAt);
        writer.WriteEndArray();
    }

    /// <summary>The object form every fact was stored in before.</summary>
    private sealed record StoredObject(Guid EventId, string Type, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, JsonElement Data, DateTimeOffset? RetractedAt);
}

/// <summary>
/// A maturity document's facts: each as <see cref="MaturityFactJsonConverter"/> stores it, with a recording instant equal
/// to the fact before's (same instant, same offset) stored as null. The events of one import share one recording instant:
/// 31 characters repeated on every fact were a sixth of an imported partnership's maturity document, and PostgreSQL
/// parses every character of it at every COPY. Facts stored with every instant written read the same.
/// </summary>
internal sealed class MaturityFactsJsonConverter : JsonConverter<List<MaturityFact>>
{
    public override List<MaturityFact> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("A maturity document's facts are an array.");
        var facts = new List<MaturityFact>();
        DateTimeOffset? recordedBefore = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var fact = MaturityFactJsonConverter.Read(ref reader, recordedBefore, options);
            facts.Add(fact);
            recordedBefore = fact.RecordedAt;
        }
        return facts;
    }

    public override void Write(Utf8JsonWriter writer, List<MaturityFact> facts, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        DateTimeOffset? recordedBefore = null;
        foreach (var fact in facts)
        {
            MaturityFactJsonConverter.Write(writer, fact, recordedBefore);
            recordedBefore = fact.RecordedAt;
        }
        writer.WriteEndArray();
    }
}
