using Marten;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Partnerships;

public sealed record PausePartnership(string? Reason) : PartnershipCommand
{
    public IEnumerable<object> Decide(Partnership partnership, Decision decision)
    {
        decision.Require(partnership.Status == PartnershipStatus.Active, "partnershipId", $"Only an active partnership can be paused; this one is {partnership.Status.ToString().ToLowerInvariant()}.");
        yield return new PartnershipPaused(partnership.Id, decision.Text("reason", Reason), decision.OccurredAt);
    }
}

public static class PausePartnershipHandler
{
    public static Task<Recorded> Handle(PausePartnership command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        session.RecordOnPartnershipAsync(command, clock, command.Decide, cancellation);
}

public sealed class PausePartnershipInput : PartnershipCommandInputGraphType<PausePartnership>
{
    public PausePartnershipInput() : base("PausePartnershipInput", "A partnership put on hold.")
    {
        Field(x => x.Reason, nullable: true).Description("Why.");
        AddCommonFields();
    }
}
