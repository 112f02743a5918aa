using JasperFx.Events;
using Marten.Events.Aggregation;

namespace PartnershipLedger.Partnerships;

/// <summary>The read model of a partnership's identity and membership (inline: a mutation's payload reads it).</summary>
public sealed class PartnershipSummary
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public string Name { get; set; } = "";
    public List<Guid> MemberIds { get; set; } = [];
    public PartnershipStatus Status { get; set; }
    public DateTimeOffset FormedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
}

public sealed class PartnershipSummaryProjection : SingleStreamProjection<PartnershipSummary, Guid>
{
    public PartnershipSummaryProjection() => IncludeType<IPartnershipEvent>();

    public static PartnershipSummary Create(IEvent<PartnershipFormed> e) => new()
    {
        Id = e.Data.PartnershipId,
        Name = e.Data.Name,
        MemberIds = e.Data.MemberIds.ToList(),
        FormedAt = e.Data.OccurredAt,
    };

    public void Apply(PartnershipSummary summary, MemberJoined e) => summary.MemberIds.Add(e.OrganizationId);
    public void Apply(PartnershipSummary summary, MemberLeft e) => summary.MemberIds.Remove(e.OrganizationId);
    public void Apply(PartnershipSummary summary, PartnershipPaused e) => summary.Status = PartnershipStatus.Paused;
    public void Apply(PartnershipSummary summary, PartnershipResumed e) => summary.Status = PartnershipStatus.Active;

    public void Apply(PartnershipSummary summary, PartnershipEnded e)
    {
        summary.Status = PartnershipStatus.Ended;
        summary.EndedAt = e.OccurredAt;
    }
}
