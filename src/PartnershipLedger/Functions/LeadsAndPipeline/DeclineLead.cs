using GraphQL.Types;
using Marten;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Functions.LeadsAndPipeline;

public sealed record DeclineLead(Guid LeadId, string? Reason) : PartnershipCommand
{
    public IEnumerable<object> Decide(Partnership partnership, Decision decision)
    {
        if (LeadResponse.Check(partnership, LeadId, decision))
            yield return new LeadDeclined(partnership.Id, LeadId, decision.Text("reason", Reason), decision.OccurredAt);
    }
}

public static class DeclineLeadHandler
{
    public static Task<Recorded> Handle(DeclineLead command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        session.RecordOnPartnershipAsync(command, clock, command.Decide, cancellation);
}

public sealed class DeclineLeadInput : PartnershipCommandInputGraphType<DeclineLead>
{
    public DeclineLeadInput() : base("DeclineLeadInput", "The receiver turning a lead down.")
    {
        Field(x => x.LeadId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The lead (the eventId shareLead returned).");
        Field(x => x.Reason, nullable: true).Description("Why.");
        AddCommonFields();
    }
}
