using GraphQL.Types;
using Marten;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Functions.LeadsAndPipeline;

/// <summary>The receiving member takes the lead up: it becomes an opportunity whose stage is tracked.</summary>
public sealed record AcceptLead(Guid LeadId) : PartnershipCommand
{
    public IEnumerable<object> Decide(Partnership partnership, Decision decision)
    {
        if (LeadResponse.Check(partnership, LeadId, decision))
            yield return new LeadAccepted(partnership.Id, LeadId, decision.OccurredAt);
    }
}

public static class AcceptLeadHandler
{
    public static Task<Recorded> Handle(AcceptLead command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        session.RecordOnPartnershipAsync(command, clock, command.Decide, cancellation);
}

public sealed class AcceptLeadInput : PartnershipCommandInputGraphType<AcceptLead>
{
    public AcceptLeadInput() : base("AcceptLeadInput", "The receiver taking a lead up.")
    {
        Field(x => x.LeadId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The lead (the eventId shareLead returned).");
        AddCommonFields();
    }
}
