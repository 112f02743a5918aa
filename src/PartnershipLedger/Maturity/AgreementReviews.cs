using System.Text.Json;
using PartnershipLedger.Partnerships;

namespace PartnershipLedger.Maturity;

/// <summary>An agreement's yearly review (001: "Review the agreement every year") as of one instant.</summary>
/// <param name="AgreementId">The AgreementSigned event.</param>
/// <param name="LastReviewedAt">The signing or the latest review, whichever is later.</param>
/// <param name="ReviewDueAt">One calendar year after <paramref name="LastReviewedAt"/>.</param>
/// <param name="OverdueDays">Whole days past <paramref name="ReviewDueAt"/> (0 at the due instant); null unless overdue.</param>
/// <param name="InForce">Neither terminated nor past the end of its expiry day (UTC).</param>
public sealed record AgreementReview(
    Guid AgreementId,
    AgreementKind Kind,
    string? Title,
    DateTimeOffset SignedAt,
    DateTimeOffset LastReviewedAt,
    DateTimeOffset ReviewDueAt,
    bool Overdue,
    int? OverdueDays,
    bool InForce,
    DateTimeOffset? TerminatedAt,
    DateOnly? ExpiresOn);

public static class AgreementReviews
{
    /// <summary>
    /// Every agreement signed at or before business time <paramref name="asOf"/>, in signing order, from the facts the
    /// ledger counted at system time <paramref name="knownAt"/> (null: as known now). Once the partnership has ended
    /// no review is overdue: the ledger refuses later facts, so none could be recorded (as the review reminder does).
    /// </summary>
    public static IReadOnlyList<AgreementReview> At(PartnershipMaturity partnership, DateTimeOffset asOf, DateTimeOffset? knownAt)
    {
        var standing = partnership.Standing(knownAt);
        var ended = standing[nameof(PartnershipEnded)].Any(end => end.OccurredAt <= asOf);
        var reviews = standing[nameof(AgreementReviewed)].Where(review => review.OccurredAt <= asOf).ToLookup(review => review.Id("agreementId"));
        var terminations = standing[nameof(AgreementTerminated)].Where(end => end.OccurredAt <= asOf).ToLookup(end => end.Id("agreementId"));

        return standing[nameof(AgreementSigned)].Where(signed => signed.OccurredAt <= asOf).OrderBy(signed => signed.OccurredAt).Select(signed =>
        {
            var lastReviewedAt = reviews[signed.EventId].Select(review => review.OccurredAt).Append(signed.OccurredAt).Max();
            var reviewDueAt = lastReviewedAt.AddYears(1);
            DateTimeOffset? terminatedAt = terminations[signed.EventId].Select(end => (DateTimeOffset?)end.OccurredAt).Min();
            var inForce = terminatedAt is null && !(MaturityEvaluator.ExpiryOf(signed) <= asOf);
            var overdue = inForce && !ended && reviewDueAt <= asOf;
            return new AgreementReview(
                signed.EventId,
                Enum.Parse<AgreementKind>(signed.Text("kind").Replace("_", ""), ignoreCase: true),
                signed.Data.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String ? title.GetString() : null,
                signed.OccurredAt,
                lastReviewedAt,
                reviewDueAt,
                overdue,
                overdue ? (int)Math.Floor((asOf - reviewDueAt).TotalDays) : null,
                inForce,
                terminatedAt,
                DateOnly.TryParse(signed.Text("expiresOn"), out var expiresOn) ? expiresOn : null);
        }).ToList();
    }
}
