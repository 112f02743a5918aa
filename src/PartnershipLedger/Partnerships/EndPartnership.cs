using Marten;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Partnerships;

public sealed record EndPartnership(string? Reason) : PartnershipCommand
{
    public IEnumerable<object> Decide(Partnership partnership, Decision decision)
    {
        decision.Require(partnership.Status != PartnershipStatus.Ended, "partnershipId", "The partnership has already ended.");
        yield return new PartnershipEnded(partnership.Id, decision.Text("reason", Reason), decision.OccurredAt);
    }
}

public static class EndPartnershipHandler
{
    public static Task<Recorded> Handle(EndPartnership command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        session.RecordOnPartnershipAsync(command, clock, command.Decide, cancellation);
}

public sealed class EndPartnershipInput : PartnershipCommandInputGraphType<EndPartnership>
{
    public EndPartnershipInput() : base("EndPartnershipInput", "A partnership ended: nothing can happen in it afterwards.")
    {
        Field(x => x.Reason, nullable: true).Description("Why.");
        AddCommonFields();
    }
}
