using Marten;
using PartnershipLedger.Graph;
using PartnershipLedger.Model;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Organizations;

public sealed record RegisterOrganization(string Name, IReadOnlyList<PartnerType> PartnerTypes, string HomeRegion) : Command
{
    public IEnumerable<object> Decide(Guid organizationId, Decision decision)
    {
        var name = decision.RequiredText("name", Name, Limits.Name);
        var region = decision.RequiredText("homeRegion", HomeRegion, Limits.Name);
        decision.Require(PartnerTypes is { Count: > 0 }, "partnerTypes", "partnerTypes needs at least one partner type (ISV, SYSTEMS_INTEGRATOR, ...).");
        yield return new OrganizationRegistered(organizationId, name, (PartnerTypes ?? []).Distinct().ToList(), region, decision.OccurredAt);
    }
}

public static class RegisterOrganizationHandler
{
    public static Task<Recorded> Handle(RegisterOrganization command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        command.Actor.RequireAdmin("register organizations");
        var id = Guid.CreateVersion7();
        return session.StartAsync<Organization>(command, id, clock.GetUtcNow(), decision => command.Decide(id, decision), cancellation);
    }
}

public sealed class RegisterOrganizationInput : CommandInputGraphType<RegisterOrganization>
{
    public RegisterOrganizationInput() : base("RegisterOrganizationInput", "An organization joining the ledger.")
    {
        Field(x => x.Name).Description("The organization's name.");
        Field(x => x.PartnerTypes, type: typeof(GraphQL.Types.NonNullGraphType<GraphQL.Types.ListGraphType<GraphQL.Types.NonNullGraphType<PartnerTypeGraphType>>>))
            .Description("What kind of partner it is: one or more partner types of the ecosystem.");
        Field(x => x.HomeRegion).Description("Its home country or region, e.g. 'Sweden' or 'US-OK'.");
        AddCommonFields();
    }
}
