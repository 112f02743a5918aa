using GraphQL.Types;
using Marten;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Functions.ProductAndCustomerSupport;

/// <summary>A member organization's single point of contact (SPOC) for support in the partnership.</summary>
public sealed record AssignSupportContact(Guid OrganizationId, string Contact) : PartnershipCommand
{
    public IEnumerable<object> Decide(Partnership partnership, Decision decision)
    {
        decision.RequireMember(partnership, OrganizationId, "organizationId");
        yield return new SupportContactAssigned(partnership.Id, OrganizationId, decision.RequiredText("contact", Contact, Limits.Name), decision.OccurredAt);
    }
}

public static class AssignSupportContactHandler
{
    public static Task<Recorded> Handle(AssignSupportContact command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        session.RecordOnPartnershipAsync(command, clock, command.Decide, cancellation);
}

public sealed class AssignSupportContactInput : PartnershipCommandInputGraphType<AssignSupportContact>
{
    public AssignSupportContactInput() : base("AssignSupportContactInput", "A member organization's single point of contact (SPOC) for support issues in the partnership.")
    {
        Field(x => x.OrganizationId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The member organization the contact speaks for.");
        Field(x => x.Contact).Description("Who the contact is, e.g. a name and an e-mail address.");
        AddCommonFields();
    }
}
