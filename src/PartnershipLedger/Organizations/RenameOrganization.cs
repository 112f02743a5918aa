using Marten;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Organizations;

public sealed record RenameOrganization(string Name) : OrganizationCommand
{
    public IEnumerable<object> Decide(Organization organization, Decision decision)
    {
        RequireOwnOrganization(decision);
        var name = decision.RequiredText("name", Name, Limits.Name);
        decision.Require(name != organization.Name, "name", $"The organization is already named '{organization.Name}'.");
        yield return new OrganizationRenamed(organization.Id, name, decision.OccurredAt);
    }
}

public static class RenameOrganizationHandler
{
    public static Task<Recorded> Handle(RenameOrganization command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        session.RecordAsync<Organization>(command, command.OrganizationId, clock.GetUtcNow(), command.Decide, cancellation);
}

public sealed class RenameOrganizationInput : OrganizationCommandInputGraphType<RenameOrganization>
{
    public RenameOrganizationInput() : base("RenameOrganizationInput", "A new name for an organization.")
    {
        Field(x => x.Name).Description("The new name.");
        AddCommonFields();
    }
}
