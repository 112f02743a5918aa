using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using JasperFx.Events;
using PartnershipLedger.Model;
using PartnershipLedger.Partnerships;

namespace PartnershipLedger.Maturity;

/// <summary>
/// One recorded event of a partnership as maturity needs it: its type, both clocks, the fields maturity reads
/// (<see cref="FactFields"/>: camelCase JSON, enum values as in the API) and, once retracted, when the retraction was
/// recorded. Stored as an array (<see cref="MaturityFactJsonConverter"/>); facts stored as objects read the same.
/// </summary>
[JsonConverter(typeof(MaturityFactJsonConverter))]
public sealed record MaturityFact(Guid EventId, string Type, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, JsonElement Data)
{
    /// <summary>System time at which a retraction of this fact was recorded; null while it stands.</summary>
    public DateTimeOffset? RetractedAt { get; set; }

    /// <summary>Whether the ledger counted this fact at system time <paramref name="knownAt"/> (null: now).</summary>
    public bool StandsAt(DateTimeOffset? knownAt) =>
        knownAt is not { } at ? RetractedAt is null : RecordedAt <= at && !(RetractedAt <= at);

    public string Text(string field) => Data.TryGetProperty(field, out var value) ? value.ToString() : "";

    public Guid Id(string field) => Data.TryGetProperty(field, out var value) && value.TryGetGuid(out var id) ? id : default;

    public static MaturityFact From(IEvent e, DateTimeOffset occurredAt, FactFields fields) =>
        new(e.Id, e.Data.GetType().Name, occurredAt, AsStored(e.Timestamp), fields.Of(e.Data));

    /// <summary>
    /// An instant as PostgreSQL keeps it (microseconds): a document built when the event is recorded (the event's
    /// timestamp in memory has 100 ns ticks) then equals one rebuilt from the stored event.
    /// </summary>
    public static DateTimeOffset AsStored(DateTimeOffset instant) => instant.AddTicks(-(instant.Ticks % 10));

    public MaturityLevel? Level => Data.TryGetProperty("level", out var level) && Enum.TryParse<MaturityLevel>(level.GetString(), ignoreCase: true, out var parsed) ? parsed : null;
}

/// <summary>
/// The fields of an event a <see cref="MaturityFact"/> keeps: those the evidence rules test or count (each
/// requirement's <c>where</c> and <c>distinct</c> fields) and those the readers of facts use (membership, agreements,
/// self-assessments, flows between members). The rest of an event (its partnership id, its business time, kept
/// beside, and its free text) stays in the event store only, so a fact is a fraction of its event: the maturity
/// document, written on every command and by every import and rebuild, shrinks with it. Fields that are null are
/// left out (read as absent, which the rules and readers treat alike). After a change of <c>evidence-rules.json</c> that
/// tests a new field, a partnership's facts are folded again from its events at its next event (the document keeps the
/// <see cref="Fingerprint"/> of the fields it was folded with); <c>ops/run -- rebuild</c> does all of them at once.
/// </summary>
public sealed class FactFields
{
    /// <summary>Fields read by name by the readers of facts, whatever the rules say.</summary>
    public static readonly IReadOnlyList<string> Read =
    [
        "memberIds", "organizationId",                      // membership (PartnershipFormed, MemberJoined, MemberLeft)
        "agreementId", "kind", "title", "expiresOn",        // agreements, their reviews and terminations
        "function", "level", "yesCount",                    // self-assessments
        "fromOrganizationId", "toOrganizationId",           // reciprocity: leads, resources, references
    ];

    private readonly JsonSerializerOptions json;

    public FactFields(EvidenceRules rules)
    {
        Names = Read
            .Concat(rules.Functions.Values.SelectMany(levels => levels).SelectMany(level => level.Requirements)
                .SelectMany(requirement => requirement.Where.Select(condition => condition.Field).Append(requirement.Distinct ?? "")))
            .Where(name => name != "").ToHashSet(StringComparer.Ordinal);
        Fingerprint = string.Join(",", Names.Order(StringComparer.Ordinal));
        json = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper) },
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // The event types' other properties are left out when serializing, rather than serialized then dropped.
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutUnread } },
        };
    }

    public IReadOnlySet<string> Names { get; }

    /// <summary>
    /// The kept names, sorted and joined: stored in each maturity document, so a document whose facts were kept for
    /// other rules is folded again from its events (<see cref="PartnershipMaturityProjection"/>).
    /// </summary>
    public string Fingerprint { get; }

    /// <summary>The kept fields of an event's data, as JSON.</summary>
    public JsonElement Of(object data) => JsonSerializer.SerializeToElement(data, data.GetType(), json);

    private void LeaveOutUnread(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object || !typeof(IPartnershipEvent).IsAssignableFrom(type.Type)) return;
        for (var i = type.Properties.Count - 1; i >= 0; i--)
            if (!Names.Contains(type.Properties[i].Name)) type.Properties.RemoveAt(i);
    }
}

/// <summary>
/// A change of one function's maturity, on one basis, at a business instant, with its cause. Stored in every
/// <see cref="MaturityTimeline"/>, so it keeps what the reason is made of, not its words: those are rendered when read
/// (<see cref="MaturityEvaluator.Reason"/>), from the rules' descriptions (they were about a third of a timeline's bytes).
/// Stored as one string (<see cref="MaturityChangeJsonConverter"/>); changes stored as objects read the same.
/// </summary>
/// <param name="CauseEventId">The event that caused it; null when evidence expired.</param>
/// <param name="Cause">The type of that event (evidenced changes).</param>
/// <param name="Assessment">The self-assessment that moved it (assessed changes).</param>
[JsonConverter(typeof(MaturityChangeJsonConverter))]
public sealed record MaturityChange(
    BusinessFunction Function, DateTimeOffset At, MaturityLevel? From, MaturityLevel To, MaturityBasis Basis, Guid? CauseEventId,
    string? Cause = null, SelfAssessed? Assessment = null);

/// <summary>A member's self-assessment as an assessed change cites it: who, how many yes answers, the level it gave.</summary>
public sealed record SelfAssessed(string Organization, string YesCount, string Level);

public enum MaturityBasis { Evidenced, Assessed }
