using Marten;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Partnerships;

public sealed record ResumePartnership : PartnershipCommand
{
    public IEnumerable<object> Decide(Partnership partnership, Decision decision)
    {
        decision.Require(partnership.Status == PartnershipStatus.Paused, "partnershipId", "Only a paused partnership can be resumed.");
        yield return new PartnershipResumed(partnership.Id, decision.OccurredAt);
    }
}

public static class ResumePartnershipHandler
{
    public static Task<Recorded> Handle(ResumePartnership command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        session.RecordOnPartnershipAsync(command, clock, command.Decide, cancellation);
}

public sealed class ResumePartnershipInput : PartnershipCommandInputGraphType<ResumePartnership>
{
    public ResumePartnershipInput() : base("ResumePartnershipInput", "A paused partnership taken up again.") => AddCommonFields();
}
