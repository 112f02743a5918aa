using GraphQL.Types;
using Marten;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Functions.CustomerRelationships;

/// <summary>One member letting another member use one of its customers as a reference.</summary>
public sealed record ShareCustomerReference(Guid FromOrganizationId, Guid ToOrganizationId, string Customer) : PartnershipCommand
{
    public IEnumerable<object> Decide(Partnership partnership, Decision decision)
    {
        decision.RequireMember(partnership, FromOrganizationId, "fromOrganizationId");
        decision.RequireMember(partnership, ToOrganizationId, "toOrganizationId");
        decision.Require(FromOrganizationId != ToOrganizationId, "toOrganizationId",
            "A reference is shared with another member: fromOrganizationId and toOrganizationId must differ.");
        yield return new CustomerReferenceShared(partnership.Id, FromOrganizationId, ToOrganizationId,
            decision.RequiredText("customer", Customer, Limits.Name), decision.OccurredAt);
    }
}

public static class ShareCustomerReferenceHandler
{
    public static Task<Recorded> Handle(ShareCustomerReference command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        session.RecordOnPartnershipAsync(command, clock, command.Decide, cancellation);
}

public sealed class ShareCustomerReferenceInput : PartnershipCommandInputGraphType<ShareCustomerReference>
{
    public ShareCustomerReferenceInput() : base("ShareCustomerReferenceInput", "A customer reference one member organization shared with another.")
    {
        Field(x => x.FromOrganizationId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The member organization whose customer gives the reference.");
        Field(x => x.ToOrganizationId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The member organization that may use it (another member).");
        Field(x => x.Customer).Description("The reference customer.");
        AddCommonFields();
    }
}
