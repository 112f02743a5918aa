using GraphQL.Types;
using Marten;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Functions.ResourceUtilization;

/// <summary>A member lending people with a named competency to another member, for delivery or for sales activities.</summary>
public sealed record ShareResources(Guid FromOrganizationId, Guid ToOrganizationId, string Competency, string? Opportunity, bool ForSales) : PartnershipCommand
{
    public IEnumerable<object> Decide(Partnership partnership, Decision decision)
    {
        decision.RequireMember(partnership, FromOrganizationId, "fromOrganizationId");
        decision.RequireMember(partnership, ToOrganizationId, "toOrganizationId");
        decision.Require(FromOrganizationId != ToOrganizationId, "toOrganizationId",
            "Resources are shared with another member: fromOrganizationId and toOrganizationId must differ.");
        yield return new ResourcesShared(partnership.Id, FromOrganizationId, ToOrganizationId,
            decision.RequiredText("competency", Competency, Limits.Name), decision.Text("opportunity", Opportunity, Limits.Name), ForSales, decision.OccurredAt);
    }
}

public static class ShareResourcesHandler
{
    public static Task<Recorded> Handle(ShareResources command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        session.RecordOnPartnershipAsync(command, clock, command.Decide, cancellation);
}

public sealed class ShareResourcesInput : PartnershipCommandInputGraphType<ShareResources>
{
    public ShareResourcesInput() : base("ShareResourcesInput", "People with a named competency that one member organization shared with another.")
    {
        Field(x => x.FromOrganizationId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The member organization that shared its people.");
        Field(x => x.ToOrganizationId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The member organization that used them (another member).");
        Field(x => x.Competency).Description("The competency shared, e.g. 'Solution architect'.");
        Field(x => x.Opportunity, nullable: true).Description("The customer project or deal it was for, if any.");
        Field(x => x.ForSales).Description("Whether the people helped in sales activities, e.g. an architect in a customer meeting (evidence for the proactive level).");
        AddCommonFields();
    }
}
