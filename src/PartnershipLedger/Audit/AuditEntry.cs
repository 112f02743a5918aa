using JasperFx.Events;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Audit;

/// <summary>One recorded fact as the audit shows it: what, by whom, for which organization, on both clocks.</summary>
public sealed record AuditEntry(
    Guid EventId,
    Guid StreamId,
    long Sequence,
    long Version,
    string Type,
    string Summary,
    string Actor,
    Guid? OrganizationId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    string? CorrelationId,
    string? CausationId,
    Guid? RetractsEventId)
{
    /// <summary>An entry from an event's data and its stored metadata (as read from a row of mt_events).</summary>
    public static AuditEntry Of(object data, Guid eventId, Guid streamId, long sequence, long version, string? user, Guid? organizationId,
        DateTimeOffset recordedAt, string? correlationId, string? causationId) => new(
        eventId,
        streamId,
        sequence,
        version,
        data.GetType().Name,
        EventSummaries.Of(data),
        user ?? "",
        organizationId,
        data is IPartnershipEvent fact ? fact.OccurredAt : OccurredAtOf(data) ?? recordedAt,
        recordedAt,
        correlationId,
        causationId,
        data is EventRetracted retraction ? retraction.RetractedEventId : null);

    private static DateTimeOffset? OccurredAtOf(object data) =>
        data.GetType().GetProperty("OccurredAt")?.GetValue(data) as DateTimeOffset?;
}
