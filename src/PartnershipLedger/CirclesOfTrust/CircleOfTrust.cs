using System.ComponentModel;
namespace PartnershipLedger.CirclesOfTrust;

// The events of a circle of trust's stream.
[Description("Two or more organizations formed a named circle of trust.")] public sealed record CircleOfTrustFormed(Guid CircleId, string Name, IReadOnlyList<Guid> MemberIds, DateTimeOffset OccurredAt);
[Description("An organization was brought into the circle.")] public sealed record CircleMemberAdded(Guid CircleId, Guid OrganizationId, DateTimeOffset OccurredAt);
[Description("An organization left the circle.")] public sealed record CircleMemberRemoved(Guid CircleId, Guid OrganizationId, DateTimeOffset OccurredAt);

/// <summary>
/// A named group of partners who trust each other (001: "create a circle of trust"; name it something clever,
/// e.g. "Northwest Alliance"). Folded inline from its stream; small enough to serve decisions and reads.
/// </summary>
public sealed class CircleOfTrust : Access.IHasMembers
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public string Name { get; set; } = "";
    public List<Guid> MemberIds { get; set; } = [];

    IReadOnlyCollection<Guid> Access.IHasMembers.MemberOrganizations => MemberIds;
    public DateTimeOffset FormedAt { get; set; }

    public static CircleOfTrust Create(CircleOfTrustFormed e) => new()
    {
        Id = e.CircleId,
        Name = e.Name,
        MemberIds = e.MemberIds.ToList(),
        FormedAt = e.OccurredAt,
    };

    public void Apply(CircleMemberAdded e) => MemberIds.Add(e.OrganizationId);
    public void Apply(CircleMemberRemoved e) => MemberIds.Remove(e.OrganizationId);
}
