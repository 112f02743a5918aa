using System.Text.Json;
using System.Text.Json.Serialization;
using JasperFx.Events;
using PartnershipLedger.Model;

namespace PartnershipLedger.Maturity;

/// <summary>
/// One recorded event of a partnership as maturity needs it: its type, both clocks, its fields (camelCase JSON,
/// enum values as in the API) and, once retracted, when the retraction was recorded.
/// </summary>
public sealed record MaturityFact(Guid EventId, string Type, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, JsonElement Data)
{
    /// <summary>System time at which a retraction of this fact was recorded; null while it stands.</summary>
    public DateTimeOffset? RetractedAt { get; set; }

    /// <summary>Whether the ledger counted this fact at system time <paramref name="knownAt"/> (null: now).</summary>
    public bool StandsAt(DateTimeOffset? knownAt) =>
        knownAt is not { } at ? RetractedAt is null : RecordedAt <= at && !(RetractedAt <= at);

    public string Text(string field) => Data.TryGetProperty(field, out var value) ? value.ToString() : "";

    public Guid Id(string field) => Data.TryGetProperty(field, out var value) && value.TryGetGuid(out var id) ? id : default;

    public static MaturityFact From(IEvent e, DateTimeOffset occurredAt) =>
        new(e.Id, e.Data.GetType().Name, occurredAt, AsStored(e.Timestamp), JsonSerializer.SerializeToElement(e.Data, e.Data.GetType(), Json));

    /// <summary>
    /// An instant as PostgreSQL keeps it (microseconds): a document built when the event is recorded (the event's
    /// timestamp in memory has 100 ns ticks) then equals one rebuilt from the stored event.
    /// </summary>
    public static DateTimeOffset AsStored(DateTimeOffset instant) => instant.AddTicks(-(instant.Ticks % 10));

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper) },
    };

    public MaturityLevel? Level => Data.TryGetProperty("level", out var level) && Enum.TryParse<MaturityLevel>(level.GetString(), ignoreCase: true, out var parsed) ? parsed : null;
}

/// <summary>A change of one function's maturity, on one basis, at a business instant, with its cause.</summary>
/// <param name="CauseEventId">The event that caused it; null when evidence expired.</param>
public sealed record MaturityChange(BusinessFunction Function, DateTimeOffset At, MaturityLevel? From, MaturityLevel To, MaturityBasis Basis, Guid? CauseEventId, string Reason);

public enum MaturityBasis { Evidenced, Assessed }
