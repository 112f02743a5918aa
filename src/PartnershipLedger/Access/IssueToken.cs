using GraphQL.Types;
using Marten;
using PartnershipLedger.Graph;
using PartnershipLedger.Organizations;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Access;

/// <summary>An admin gives a user a bearer token: who they are, for which organization, with which role and reach.</summary>
public sealed record IssueToken(Guid? OrganizationId, string User, Role Role) : Command
{
    /// <summary>For an auditor: the organizations whose partnerships and audit trail they may read (default: their own).</summary>
    public IReadOnlyList<Guid>? Reach { get; init; }

    /// <summary>How long the token holds, in days (default Auth:TokenLifetime).</summary>
    public int? ValidForDays { get; init; }

    public const int MaxValidForDays = 3660;

    public IEnumerable<object> Decide(Guid tokenId, IReadOnlySet<Guid> knownOrganizations, TimeSpan defaultLifetime, Decision decision)
    {
        var user = decision.RequiredText("user", User, Limits.Name);
        if (OrganizationId is { } organization)
            decision.Require(knownOrganizations.Contains(organization), "organizationId", $"No organization is registered with the id {organization}.");
        else
            decision.Require(Role == Role.Admin, "organizationId", $"A {Role.ToString().ToLowerInvariant()} token needs the organization its holder acts for.");
        var reach = (Reach ?? []).Distinct().ToList();
        decision.Require(reach.Count == 0 || Role == Role.Auditor, "reach", "Only an auditor's token takes a reach: a member reaches their own organization, an admin everything.");
        foreach (var unknown in reach.Where(id => !knownOrganizations.Contains(id)))
            decision.Require(false, "reach", $"No organization is registered with the id {unknown}.");
        decision.Require(ValidForDays is null or (>= 1 and <= MaxValidForDays), "validForDays", $"validForDays must be between 1 and {MaxValidForDays}.");

        if (Role != Role.Admin && OrganizationId is { } own && !reach.Contains(own)) reach.Insert(0, own);
        var lifetime = ValidForDays is { } days ? TimeSpan.FromDays(days) : defaultLifetime;
        // A token holds from when it is issued, whatever occurredAt says: access is never back-dated.
        yield return new TokenIssued(tokenId, user, OrganizationId, Role, Role == Role.Admin ? [] : reach, decision.Now + lifetime, decision.Now);
    }
}

public static class IssueTokenHandler
{
    public static async Task<Recorded> Handle(IssueToken command, IDocumentSession session, TimeProvider clock, AuthSettings settings, CancellationToken cancellation)
    {
        command.Actor.RequireAdmin("issue tokens");
        var mentioned = new[] { command.OrganizationId }.OfType<Guid>().Concat(command.Reach ?? []).Distinct().ToList();
        var known = (await session.LoadManyAsync<Organization>(cancellation, mentioned)).Select(organization => organization.Id).ToHashSet();
        var id = Guid.CreateVersion7();
        return await session.StartAsync<AccessToken>(command, id, clock.GetUtcNow(),
            decision => command.Decide(id, known, settings.TokenLifetime, decision), cancellation);
    }
}

public sealed class RoleGraphType : EnumerationGraphType<Role>
{
    public RoleGraphType()
    {
        Name = "Role";
        Description = "What a token's holder may do: ADMIN everything; MEMBER read and record in their own organization's partnerships; AUDITOR read only, across the organizations an admin granted, audit trail included.";
    }
}

public sealed class IssueTokenInput : CommandInputGraphType<IssueToken>
{
    public IssueTokenInput() : base("IssueTokenInput", "A bearer token for a user: who they are, for which organization, with which role.")
    {
        Field(x => x.OrganizationId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The organization the holder acts for; every fact they record carries it.");
        Field(x => x.User).Description("The holder's user name or e-mail, as it will appear on the facts they record.");
        Field(x => x.Role, type: typeof(NonNullGraphType<RoleGraphType>)).Description("ADMIN, MEMBER or AUDITOR.");
        Field(x => x.Reach, type: typeof(ListGraphType<NonNullGraphType<IdGraphType>>)).Description("AUDITOR only: the organizations whose partnerships and audit trail the auditor may read (their own organization is always included).");
        Field(x => x.ValidForDays, type: typeof(IntGraphType)).Description($"How many days the token holds (1 to {IssueToken.MaxValidForDays}); default Auth:TokenLifetime (90 days).");
        AddCommonFields();
    }
}
