using GraphQL.Types;
using Marten;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Functions.CustomerRelationships;

/// <summary>A 1:1 meeting with a customer to learn how the partnering experience went.</summary>
public sealed record HoldCustomerMeeting(string Customer) : PartnershipCommand
{
    public IEnumerable<object> Decide(Partnership partnership, Decision decision)
    {
        yield return new CustomerMeetingHeld(partnership.Id, decision.RequiredText("customer", Customer, Limits.Name), decision.OccurredAt);
    }
}

public static class HoldCustomerMeetingHandler
{
    public static Task<Recorded> Handle(HoldCustomerMeeting command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        session.RecordOnPartnershipAsync(command, clock, command.Decide, cancellation);
}

public sealed class HoldCustomerMeetingInput : PartnershipCommandInputGraphType<HoldCustomerMeeting>
{
    public HoldCustomerMeetingInput() : base("HoldCustomerMeetingInput", "A 1:1 meeting with a customer to understand their experience of the partnership.")
    {
        Field(x => x.Customer).Description("The customer met.");
        AddCommonFields();
    }
}
