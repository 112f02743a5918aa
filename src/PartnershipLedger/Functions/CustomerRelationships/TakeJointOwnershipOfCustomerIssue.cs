using GraphQL.Types;
using Marten;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Functions.CustomerRelationships;

/// <summary>The partners owning a customer's issue together, whoever caused it.</summary>
public sealed record TakeJointOwnershipOfCustomerIssue(string Customer, string Issue) : PartnershipCommand
{
    public IEnumerable<object> Decide(Partnership partnership, Decision decision)
    {
        yield return new CustomerIssueJointlyOwned(partnership.Id, decision.RequiredText("customer", Customer, Limits.Name),
            decision.RequiredText("issue", Issue), decision.OccurredAt);
    }
}

public static class TakeJointOwnershipOfCustomerIssueHandler
{
    public static Task<Recorded> Handle(TakeJointOwnershipOfCustomerIssue command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        session.RecordOnPartnershipAsync(command, clock, command.Decide, cancellation);
}

public sealed class TakeJointOwnershipOfCustomerIssueInput : PartnershipCommandInputGraphType<TakeJointOwnershipOfCustomerIssue>
{
    public TakeJointOwnershipOfCustomerIssueInput() : base("TakeJointOwnershipOfCustomerIssueInput", "A customer issue the partners took responsibility for together, regardless of whose fault it was.")
    {
        Field(x => x.Customer).Description("The customer with the issue.");
        Field(x => x.Issue).Description("What the issue is and what the partners do about it.");
        AddCommonFields();
    }
}
