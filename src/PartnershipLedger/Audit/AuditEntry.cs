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
    public static AuditEntry From(IEvent e) => new(
        e.Id,
        e.StreamId,
        e.Sequence,
        e.Version,
        e.Data.GetType().Name,
        EventSummaries.Of(e.Data),
        e.UserName ?? "",
        Guid.TryParse(e.GetHeader(EventHeaders.ActorOrganization)?.ToString(), out var organization) ? organization : null,
        e.Data is IPartnershipEvent fact ? fact.OccurredAt : OccurredAtOf(e.Data) ?? e.Timestamp,
        e.Timestamp,
        e.CorrelationId,
        e.CausationId,
        e.Data is EventRetracted retraction ? retraction.RetractedEventId : null);

    private static DateTimeOffset? OccurredAtOf(object data) =>
        data.GetType().GetProperty("OccurredAt")?.GetValue(data) as DateTimeOffset?;
}
