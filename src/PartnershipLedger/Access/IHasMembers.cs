namespace PartnershipLedger.Access;

/// <summary>A stream whose member organizations may record in it (a partnership, a circle of trust, an organization itself).</summary>
public interface IHasMembers
{
    IReadOnlyCollection<Guid> MemberOrganizations { get; }
}
