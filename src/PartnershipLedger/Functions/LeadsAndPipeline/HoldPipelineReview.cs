using Marten;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Functions.LeadsAndPipeline;

/// <summary>The partners reviewed their shared pipeline (scheduled reviews and in-person meetings are dynamic evidence).</summary>
public sealed record HoldPipelineReview(bool? InPerson) : PartnershipCommand
{
    public IEnumerable<object> Decide(Partnership partnership, Decision decision)
    {
        yield return new PipelineReviewHeld(partnership.Id, InPerson ?? false, decision.OccurredAt);
    }
}

public static class HoldPipelineReviewHandler
{
    public static Task<Recorded> Handle(HoldPipelineReview command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        session.RecordOnPartnershipAsync(command, clock, command.Decide, cancellation);
}

public sealed class HoldPipelineReviewInput : PartnershipCommandInputGraphType<HoldPipelineReview>
{
    public HoldPipelineReviewInput() : base("HoldPipelineReviewInput", "A review of the shared pipeline.")
    {
        Field(x => x.InPerson, nullable: true).Description("Whether the partners met in person for it.");
        AddCommonFields();
    }
}
