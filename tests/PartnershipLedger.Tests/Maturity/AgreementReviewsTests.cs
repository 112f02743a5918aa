using PartnershipLedger.Maturity;
using PartnershipLedger.Partnerships;
using static PartnershipLedger.Tests.Decisions.Given;

namespace PartnershipLedger.Tests.Maturity;

public sealed class AgreementReviewsTests
{
    private static readonly DateTimeOffset SignedAt = new(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset DueAYearLater = SignedAt.AddYears(1);

    private static (MaturityDocument Partnership, Guid Agreement) Signed(DateOnly? expiresOn = null, string? title = "Nordic partnership agreement")
    {
        var partnership = new MaturityDocument();
        var agreement = partnership.Record(new AgreementSigned(PartnershipId, AgreementKind.PartnershipAgreement, title, [Contoso, Fabrikam], null, expiresOn, SignedAt));
        return (partnership, agreement);
    }

    private static AgreementReview ReviewAt(MaturityDocument partnership, DateTimeOffset asOf, DateTimeOffset? knownAt = null) =>
        Assert.Single(AgreementReviews.At(partnership.Document, asOf, knownAt));

    [Fact]
    public void The_review_falls_due_a_calendar_year_after_signing_and_is_overdue_from_that_very_instant()
    {
        var (partnership, agreement) = Signed();

        var justBefore = ReviewAt(partnership, DueAYearLater.AddTicks(-1));
        var atTheInstant = ReviewAt(partnership, DueAYearLater);
        var tenDaysOn = ReviewAt(partnership, DueAYearLater.AddDays(10).AddHours(-1));

        Assert.Equal(new AgreementReview(agreement, AgreementKind.PartnershipAgreement, "Nordic partnership agreement", SignedAt, SignedAt, DueAYearLater, false, null, true, null, null), justBefore);
        Assert.True(atTheInstant.Overdue);
        Assert.Equal(0, atTheInstant.OverdueDays);
        Assert.Equal(9, tenDaysOn.OverdueDays);
    }

    [Fact]
    public void A_review_moves_the_due_date_to_a_year_after_it()
    {
        var (partnership, agreement) = Signed();
        var reviewedAt = SignedAt.AddMonths(11);
        partnership.Record(new AgreementReviewed(PartnershipId, agreement, reviewedAt));

        var review = ReviewAt(partnership, DueAYearLater);

        Assert.Equal(reviewedAt, review.LastReviewedAt);
        Assert.Equal(reviewedAt.AddYears(1), review.ReviewDueAt);
        Assert.False(review.Overdue);
        Assert.True(ReviewAt(partnership, reviewedAt.AddYears(1)).Overdue);
    }

    [Fact]
    public void A_review_after_as_of_does_not_count_yet()
    {
        var (partnership, agreement) = Signed();
        partnership.Record(new AgreementReviewed(PartnershipId, agreement, DueAYearLater.AddDays(30)));

        var review = ReviewAt(partnership, DueAYearLater.AddDays(1));

        Assert.Equal(SignedAt, review.LastReviewedAt);
        Assert.True(review.Overdue);
        Assert.False(ReviewAt(partnership, DueAYearLater.AddDays(30)).Overdue);
    }

    [Fact]
    public void A_review_of_another_agreement_does_not_count()
    {
        var (partnership, _) = Signed();
        var other = partnership.Record(new AgreementSigned(PartnershipId, AgreementKind.Nda, null, [Contoso, Fabrikam], null, null, SignedAt.AddDays(1)));
        partnership.Record(new AgreementReviewed(PartnershipId, other, SignedAt.AddMonths(6)));

        var reviews = AgreementReviews.At(partnership.Document, DueAYearLater, knownAt: null);

        Assert.Equal([true, false], reviews.Select(review => review.Overdue));
        Assert.Equal(AgreementKind.Nda, reviews[1].Kind);
        Assert.Null(reviews[1].Title);
    }

    [Fact]
    public void A_terminated_agreement_is_not_in_force_and_never_overdue()
    {
        var (partnership, agreement) = Signed();
        var terminatedAt = SignedAt.AddMonths(13);
        partnership.Record(new AgreementTerminated(PartnershipId, agreement, "replaced", terminatedAt));

        var beforeTermination = ReviewAt(partnership, terminatedAt.AddTicks(-1));
        var afterTermination = ReviewAt(partnership, terminatedAt);

        Assert.True(beforeTermination.Overdue);
        Assert.Null(beforeTermination.TerminatedAt);
        Assert.False(afterTermination.InForce);
        Assert.False(afterTermination.Overdue);
        Assert.Null(afterTermination.OverdueDays);
        Assert.Equal(terminatedAt, afterTermination.TerminatedAt);
    }

    [Fact]
    public void An_agreement_is_in_force_through_its_expiry_day_and_then_no_longer_overdue()
    {
        var (partnership, _) = Signed(expiresOn: new DateOnly(2025, 3, 1));

        var onTheExpiryDay = ReviewAt(partnership, DueAYearLater);
        var theDayAfter = ReviewAt(partnership, new DateTimeOffset(2025, 3, 2, 0, 0, 0, TimeSpan.Zero));

        Assert.True(onTheExpiryDay.Overdue);
        Assert.Equal(new DateOnly(2025, 3, 1), onTheExpiryDay.ExpiresOn);
        Assert.False(theDayAfter.InForce);
        Assert.False(theDayAfter.Overdue);
    }

    [Fact]
    public void Once_the_partnership_ended_no_review_is_overdue()
    {
        var (partnership, _) = Signed();
        partnership.Record(new PartnershipEnded(PartnershipId, null, SignedAt.AddMonths(6)));

        var review = ReviewAt(partnership, DueAYearLater);

        Assert.True(review.InForce);
        Assert.False(review.Overdue);
    }

    [Fact]
    public void A_retracted_agreement_is_not_listed_and_a_retracted_review_does_not_count()
    {
        var (partnership, agreement) = Signed();
        var review = partnership.Record(new AgreementReviewed(PartnershipId, agreement, SignedAt.AddMonths(11)));
        var retractedAt = SignedAt.AddMonths(12);
        partnership.Retract(review, retractedAt);
        var mistaken = partnership.Record(new AgreementSigned(PartnershipId, AgreementKind.Mou, null, [Contoso, Fabrikam], null, null, SignedAt));
        partnership.Retract(mistaken, retractedAt);

        Assert.True(ReviewAt(partnership, DueAYearLater).Overdue);
        Assert.Equal(2, AgreementReviews.At(partnership.Document, DueAYearLater, knownAt: retractedAt.AddTicks(-1)).Count);
        Assert.False(AgreementReviews.At(partnership.Document, DueAYearLater, knownAt: retractedAt.AddTicks(-1))[0].Overdue);
    }

    [Fact]
    public void An_agreement_signed_after_as_of_is_not_listed() =>
        Assert.Empty(AgreementReviews.At(Signed().Partnership.Document, SignedAt.AddTicks(-1), knownAt: null));

    [Fact]
    public void Signed_on_a_leap_day_the_review_falls_due_on_the_28th_of_february()
    {
        var partnership = new MaturityDocument();
        partnership.Record(new AgreementSigned(PartnershipId, AgreementKind.Mou, null, [Contoso, Fabrikam], null, null, new DateTimeOffset(2024, 2, 29, 9, 0, 0, TimeSpan.Zero)));

        Assert.Equal(new DateTimeOffset(2025, 2, 28, 9, 0, 0, TimeSpan.Zero), ReviewAt(partnership, SignedAt).ReviewDueAt);
    }
}
