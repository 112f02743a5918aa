using PartnershipLedger.Graph;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Organizations;

/// <summary>A command on an existing organization: only its own people may change it.</summary>
public abstract record OrganizationCommand : StreamCommand
{
    public Guid OrganizationId { get; init; }

    protected void RequireOwnOrganization(Decision decision) =>
        decision.Require(decision.Actor.ActsFor([OrganizationId]), "organizationId",
            "Only the organization's own people can change it: organizationId must be your token's organization.");
}

public abstract class OrganizationCommandInputGraphType<TCommand> : StreamCommandInputGraphType<TCommand> where TCommand : OrganizationCommand
{
    protected OrganizationCommandInputGraphType(string name, string description) : base(name, description) =>
        Field(x => x.OrganizationId, type: typeof(GraphQL.Types.NonNullGraphType<GraphQL.Types.IdGraphType>)).Description("The organization.");
}
