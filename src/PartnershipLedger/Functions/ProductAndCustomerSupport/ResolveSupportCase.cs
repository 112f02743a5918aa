using GraphQL.Types;
using Marten;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Functions.ProductAndCustomerSupport;

/// <summary>A logged support case resolved, once, no earlier than it was logged.</summary>
public sealed record ResolveSupportCase(Guid CaseId, bool Proactive) : PartnershipCommand
{
    public IEnumerable<object> Decide(Partnership partnership, Decision decision)
    {
        if (!partnership.SupportCases.TryGetValue(CaseId, out var supportCase))
        {
            decision.Require(false, "caseId", $"No support case {CaseId} was logged in this partnership (or it was retracted).");
            yield break;
        }
        decision.Require(!supportCase.Resolved, "caseId", $"Support case {CaseId} is already resolved.");
        decision.NotBefore(supportCase.LoggedAt, $"support case {CaseId} was logged");
        yield return new SupportCaseResolved(partnership.Id, CaseId, Proactive, decision.OccurredAt);
    }
}

public static class ResolveSupportCaseHandler
{
    public static Task<Recorded> Handle(ResolveSupportCase command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        session.RecordOnPartnershipAsync(command, clock, command.Decide, cancellation);
}

public sealed class ResolveSupportCaseInput : PartnershipCommandInputGraphType<ResolveSupportCase>
{
    public ResolveSupportCaseInput() : base("ResolveSupportCaseInput", "A logged support case resolved.")
    {
        Field(x => x.CaseId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The case: the eventId that logSupportCase answered.");
        Field(x => x.Proactive).Description("Whether the partners resolved it on their own initiative, before the customer had to chase it (evidence for the dynamic level).");
        AddCommonFields();
    }
}
