using PartnershipLedger.Access;

namespace PartnershipLedger.Recording;

/// <summary>
/// Who acts: a user acting for an organization, with a role and the organizations whose partnerships they may see
/// (their reach). Always taken from the caller's token, never from a request body.
/// </summary>
public sealed record Actor(string User, Guid? OrganizationId)
{
    /// <summary>The ledger itself, e.g. when a scheduled reminder records that a review is overdue.</summary>
    public static readonly Actor Ledger = new("ledger", null) { Role = Role.Admin };

    public static readonly Actor Anonymous = new("", null) { Role = Role.Auditor };

    public Role Role { get; init; } = Role.Member;

    /// <summary>
    /// The organizations whose partnerships, circles and events this actor may see (a member: their own; an auditor:
    /// those an admin granted). Ignored for admins, who see everything.
    /// </summary>
    public IReadOnlyList<Guid> Reach { get; init; } = [];

    /// <summary>The token the actor presented (null for the ledger itself and for tools run on the server).</summary>
    public Guid? TokenId { get; init; }

    public bool IsKnown => User.Length > 0;

    public bool SeesEverything => Role == Role.Admin;

    /// <summary>Whether a partnership or circle with these members is within reach.</summary>
    public bool MaySee(IEnumerable<Guid> memberIds) => SeesEverything || memberIds.Any(Reach.Contains);

    /// <summary>Whether events acted for this organization (or about it) are within reach.</summary>
    public bool MaySee(Guid? organizationId) => SeesEverything || organizationId is { } id && Reach.Contains(id);

    /// <summary>
    /// Whether the actor may act for one of these organizations: an admin always (acting as the ledger's operator); anyone
    /// else only when their own organization is among them.
    /// </summary>
    public bool ActsFor(IEnumerable<Guid> organizationIds) => SeesEverything || OrganizationId is { } own && organizationIds.Contains(own);

    /// <summary>
    /// Whether the actor may record in this stream: an admin anywhere; anyone else only in a stream their organization
    /// is a member of. Answered before any decision, so an outsider learns nothing, not even that the stream exists.
    /// </summary>
    public bool MayRecordIn(object stream) =>
        SeesEverything || stream is IHasMembers members && OrganizationId is { } own && members.MemberOrganizations.Contains(own);

    /// <summary>Refuses anyone but an admin: <paramref name="operation"/> says what they tried ("issue tokens").</summary>
    public void RequireAdmin(string operation)
    {
        if (!SeesEverything)
            throw new ForbiddenException($"Only an admin may {operation}; {User} is a {Role.ToString().ToLowerInvariant()}.");
    }

    /// <summary>An actor for one organization with the member role: it sees and records in that organization's partnerships.</summary>
    public static Actor MemberOf(string user, Guid organizationId) => new(user, organizationId) { Reach = [organizationId] };

    /// <summary>An administrator, acting for an organization or for none.</summary>
    public static Actor Admin(string user, Guid? organizationId = null) => new(user, organizationId) { Role = Role.Admin };
}
