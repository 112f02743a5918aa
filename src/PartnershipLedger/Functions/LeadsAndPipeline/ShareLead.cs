using GraphQL.Types;
using Marten;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Functions.LeadsAndPipeline;

/// <summary>
/// One member passes a lead to another. A lead is an identified customer who has expressed interest: an
/// offer to resell with no such customer is what 001 calls a 'reversed lead' — worthless, and refused.
/// </summary>
public sealed record ShareLead(Guid FromOrganizationId, Guid ToOrganizationId, string? Customer, bool InterestExpressed, decimal? EstimatedValue, string? Campaign) : PartnershipCommand
{
    public const string ReversedLead =
        "That is a 'reversed lead', not a lead: someone trying to sell something with no identified customer who has expressed interest. " +
        "Record a lead when a named customer has asked for what the partner offers; looking for resellers is not a lead.";

    public IEnumerable<object> Decide(Partnership partnership, Decision decision)
    {
        var customer = decision.Text("customer", Customer, Limits.Name);
        decision.Require(customer is not null, "customer", $"No customer is named. {ReversedLead}");
        decision.Require(InterestExpressed, "interestExpressed", $"The customer has not expressed interest. {ReversedLead}");
        decision.RequireMember(partnership, FromOrganizationId, "fromOrganizationId");
        decision.RequireMember(partnership, ToOrganizationId, "toOrganizationId");
        decision.Require(FromOrganizationId != ToOrganizationId, "toOrganizationId", "A lead goes from one member to another, not to itself.");
        decision.Require(EstimatedValue is null or >= 0, "estimatedValue", "estimatedValue cannot be negative.");
        yield return new LeadShared(partnership.Id, FromOrganizationId, ToOrganizationId, customer ?? "", InterestExpressed, EstimatedValue,
            decision.Text("campaign", Campaign, Limits.Name), decision.OccurredAt);
    }
}

public static class ShareLeadHandler
{
    public static Task<Recorded> Handle(ShareLead command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        session.RecordOnPartnershipAsync(command, clock, command.Decide, cancellation);
}

public sealed class ShareLeadInput : PartnershipCommandInputGraphType<ShareLead>
{
    public ShareLeadInput() : base("ShareLeadInput", "A lead passed from one member to another: a named customer who has expressed interest.")
    {
        Field(x => x.FromOrganizationId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The member giving the lead.");
        Field(x => x.ToOrganizationId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The member receiving it.");
        Field(x => x.Customer, nullable: true).Description("The identified customer. Required: without one it is a 'reversed lead' and refused.");
        Field(x => x.InterestExpressed).Description("Whether the customer has expressed interest. Must be true: otherwise it is a 'reversed lead' and refused.");
        Field(x => x.EstimatedValue, type: typeof(FloatGraphType)).Description("The estimated deal value.");
        Field(x => x.Campaign, nullable: true).Description("The joint campaign the lead came from, if any (leads tied to joint campaigns are proactive evidence).");
        AddCommonFields();
    }
}
