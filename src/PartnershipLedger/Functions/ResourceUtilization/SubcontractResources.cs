using GraphQL.Types;
using Marten;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Functions.ResourceUtilization;

/// <summary>People of one member working as subcontractors for another member.</summary>
public sealed record SubcontractResources(Guid FromOrganizationId, Guid ToOrganizationId, string? Competency, string? Opportunity) : PartnershipCommand
{
    public IEnumerable<object> Decide(Partnership partnership, Decision decision)
    {
        decision.RequireMember(partnership, FromOrganizationId, "fromOrganizationId");
        decision.RequireMember(partnership, ToOrganizationId, "toOrganizationId");
        decision.Require(FromOrganizationId != ToOrganizationId, "toOrganizationId",
            "Resources are subcontracted to another member: fromOrganizationId and toOrganizationId must differ.");
        yield return new ResourcesSubcontracted(partnership.Id, FromOrganizationId, ToOrganizationId,
            decision.Text("competency", Competency, Limits.Name), decision.Text("opportunity", Opportunity, Limits.Name), decision.OccurredAt);
    }
}

public static class SubcontractResourcesHandler
{
    public static Task<Recorded> Handle(SubcontractResources command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        session.RecordOnPartnershipAsync(command, clock, command.Decide, cancellation);
}

public sealed class SubcontractResourcesInput : PartnershipCommandInputGraphType<SubcontractResources>
{
    public SubcontractResourcesInput() : base("SubcontractResourcesInput", "People of one member organization working as subcontractors for another member.")
    {
        Field(x => x.FromOrganizationId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The member organization whose people do the work (the subcontractor).");
        Field(x => x.ToOrganizationId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The member organization they work for (another member).");
        Field(x => x.Competency, nullable: true).Description("The skill provided, e.g. 'Azure architecture'.");
        Field(x => x.Opportunity, nullable: true).Description("The customer project or deal it was for, if it was for one (opportunity based).");
        AddCommonFields();
    }
}
