using Marten;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Functions.ProductAndCustomerSupport;

/// <summary>A scheduled meeting of the partners to review customer and product issues.</summary>
public sealed record HoldSupportReview() : PartnershipCommand
{
    public IEnumerable<object> Decide(Partnership partnership, Decision decision)
    {
        yield return new SupportReviewHeld(partnership.Id, decision.OccurredAt);
    }
}

public static class HoldSupportReviewHandler
{
    public static Task<Recorded> Handle(HoldSupportReview command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        session.RecordOnPartnershipAsync(command, clock, command.Decide, cancellation);
}

public sealed class HoldSupportReviewInput : PartnershipCommandInputGraphType<HoldSupportReview>
{
    public HoldSupportReviewInput() : base("HoldSupportReviewInput", "A scheduled meeting of the partners to review customer and product issues.")
    {
        AddCommonFields();
    }
}
