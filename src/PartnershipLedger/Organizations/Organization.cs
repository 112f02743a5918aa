using System.ComponentModel;
using JasperFx.Events;
using PartnershipLedger.Model;

namespace PartnershipLedger.Organizations;

// The events of an organization's stream.
[Description("An organization joined the ledger with its partner types and home region.")] public sealed record OrganizationRegistered(Guid OrganizationId, string Name, IReadOnlyList<PartnerType> PartnerTypes, string HomeRegion, DateTimeOffset OccurredAt);
[Description("The organization took a new name.")] public sealed record OrganizationRenamed(Guid OrganizationId, string Name, DateTimeOffset OccurredAt);
[Description("A person may now record facts for the organization.")] public sealed record OrganizationUserAdded(Guid OrganizationId, string User, DateTimeOffset OccurredAt);
[Description("A person no longer records facts for the organization.")] public sealed record OrganizationUserRemoved(Guid OrganizationId, string User, DateTimeOffset OccurredAt);

/// <summary>
/// A member organization of the ecosystem, folded from its stream (inline snapshot). Small enough to serve
/// both decisions and reads.
/// </summary>
public sealed class Organization : Access.IHasMembers
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public string Name { get; set; } = "";
    public List<PartnerType> PartnerTypes { get; set; } = [];
    public string HomeRegion { get; set; } = "";
    public List<string> Users { get; set; } = [];
    public DateTimeOffset RegisteredAt { get; set; }

    IReadOnlyCollection<Guid> Access.IHasMembers.MemberOrganizations => [Id];

    public static Organization Create(OrganizationRegistered e) => new()
    {
        Id = e.OrganizationId,
        Name = e.Name,
        PartnerTypes = e.PartnerTypes.ToList(),
        HomeRegion = e.HomeRegion,
        RegisteredAt = e.OccurredAt,
    };

    public void Apply(OrganizationRenamed e) => Name = e.Name;
    public void Apply(OrganizationUserAdded e) => Users.Add(e.User);
    public void Apply(OrganizationUserRemoved e) => Users.Remove(e.User);
}
