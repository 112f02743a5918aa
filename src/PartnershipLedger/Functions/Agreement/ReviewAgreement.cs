using GraphQL.Types;
using Marten;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;
using Wolverine;

namespace PartnershipLedger.Functions.Agreement;

/// <summary>The yearly review of an agreement (001: review the agreement every year); the next one falls due a year later.</summary>
public sealed record ReviewAgreement(Guid? AgreementId) : PartnershipCommand
{
    public IEnumerable<object> Decide(Partnership partnership, Decision decision)
    {
        var agreementId = AgreementId ?? partnership.Agreements.Where(a => !a.Value.Terminated).OrderBy(a => a.Value.SignedAt).Select(a => (Guid?)a.Key).LastOrDefault();
        if (agreementId is null || !partnership.Agreements.TryGetValue(agreementId.Value, out var agreement))
        {
            decision.Require(false, AgreementId is null ? "partnershipId" : "agreementId",
                AgreementId is null ? "There is no agreement in force to review." : $"No agreement {AgreementId} was signed in this partnership.");
            yield break;
        }
        decision.Require(!agreement.Terminated, "agreementId", "The agreement was terminated: there is nothing to review.");
        decision.NotBefore(agreement.SignedAt, "the agreement was signed");
        yield return new AgreementReviewed(partnership.Id, agreementId.Value, decision.OccurredAt);
    }
}

public static class ReviewAgreementHandler
{
    public static async Task<(Recorded, OutgoingMessages)> Handle(ReviewAgreement command, IDocumentSession session, TimeProvider clock, ReminderGrace grace, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        Guid reviewed = default;
        DateOnly? expiresOn = null;
        var recorded = await session.RecordOnPartnershipAsync(command, now, (partnership, decision) =>
        {
            var events = command.Decide(partnership, decision).ToList();
            reviewed = events.OfType<AgreementReviewed>().SingleOrDefault()?.AgreementId ?? default;
            if (partnership.Agreements.TryGetValue(reviewed, out var agreement)) expiresOn = agreement.ExpiresOn;
            return events;
        }, cancellation);
        return (recorded, AgreementReviewDue.Schedule(recorded, reviewed, reviewedAt: command.OccurredAt ?? now, expiresOn, now, grace.Delay));
    }
}

public sealed class ReviewAgreementInput : PartnershipCommandInputGraphType<ReviewAgreement>
{
    public ReviewAgreementInput() : base("ReviewAgreementInput", "A review of an agreement.")
    {
        Field(x => x.AgreementId, type: typeof(IdGraphType)).Description("The agreement (the eventId signAgreement returned); defaults to the latest agreement in force.");
        AddCommonFields();
    }
}
