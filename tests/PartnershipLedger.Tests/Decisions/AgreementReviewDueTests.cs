using Microsoft.Extensions.Configuration;
using PartnershipLedger.Functions.Agreement;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;
using static PartnershipLedger.Tests.Decisions.Given;

namespace PartnershipLedger.Tests.Decisions;

public sealed class AgreementReviewDueTests
{
    private static readonly Guid Agreement = Guid.NewGuid();
    private static readonly DateTimeOffset SignedAt = new(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly (Guid, object) Signed = (Agreement, new AgreementSigned(PartnershipId, AgreementKind.PartnershipAgreement, null, [Contoso, Fabrikam], null, null, SignedAt));
    private static readonly AgreementReviewDue DueAYearAfterSigning = new(PartnershipId, Agreement, SignedAt.AddYears(1));

    [Fact]
    public void An_agreement_not_reviewed_within_a_year_is_overdue_at_the_due_instant()
    {
        var events = DueAYearAfterSigning.Decide(Partnership(Signed)).ToList();

        var overdue = Assert.IsType<AgreementReviewOverdue>(Assert.Single(events));
        Assert.Equal(SignedAt.AddYears(1), overdue.DueAt);
        Assert.Equal(SignedAt.AddYears(1), overdue.OccurredAt);
    }

    [Fact]
    public void A_review_before_the_due_instant_keeps_it_from_being_overdue() =>
        Assert.Empty(DueAYearAfterSigning.Decide(Partnership(Signed, (Guid.NewGuid(), new AgreementReviewed(PartnershipId, Agreement, SignedAt.AddMonths(11))))));

    [Fact]
    public void A_review_recorded_for_after_the_due_instant_does_not_undo_that_it_was_overdue() =>
        Assert.Single(DueAYearAfterSigning.Decide(Partnership(Signed, (Guid.NewGuid(), new AgreementReviewed(PartnershipId, Agreement, SignedAt.AddMonths(14))))));

    [Fact]
    public void A_terminated_agreement_is_never_overdue() =>
        Assert.Empty(DueAYearAfterSigning.Decide(Partnership(Signed, (Guid.NewGuid(), new AgreementTerminated(PartnershipId, Agreement, null, SignedAt.AddMonths(6))))));

    [Fact]
    public void An_agreement_terminated_after_the_due_instant_was_overdue_all_the_same() =>
        Assert.Single(DueAYearAfterSigning.Decide(Partnership(Signed, (Guid.NewGuid(), new AgreementTerminated(PartnershipId, Agreement, null, SignedAt.AddMonths(18))))));

    [Fact]
    public void An_agreement_that_expired_before_its_review_fell_due_owes_none()
    {
        var expiring = (Agreement, (object)new AgreementSigned(PartnershipId, AgreementKind.Nda, null, [Contoso, Fabrikam], null, DateOnly.FromDateTime(SignedAt.AddMonths(6).UtcDateTime), SignedAt));

        Assert.Empty(DueAYearAfterSigning.Decide(Partnership(expiring)));
        // Imported: its reminder, already past, would decide nothing, so none is owed (it was back-dated overdue before);
        // nor is one still ahead, due after the agreement expires.
        Assert.Empty(ImportedReviewReminders.Of(Partnership(expiring), SignedAt.AddYears(2)));
        Assert.Empty(ImportedReviewReminders.Of(Partnership(expiring), SignedAt.AddMonths(7)));
        Assert.Single(ImportedReviewReminders.Of(Partnership(Signed), SignedAt.AddMonths(7)));
    }

    [Fact]
    public void An_agreement_in_force_to_the_end_of_its_expiry_day_is_overdue_when_the_review_falls_due_that_day()
    {
        // Due 2025-03-01 12:00 UTC; it expires at the end of that day (UTC), so it is still in force at the due instant.
        var expiresTheDayItIsDue = (Agreement, (object)new AgreementSigned(PartnershipId, AgreementKind.Nda, null, [Contoso, Fabrikam], null, DateOnly.FromDateTime(SignedAt.AddYears(1).UtcDateTime), SignedAt));
        var expiredTheDayBefore = (Agreement, (object)new AgreementSigned(PartnershipId, AgreementKind.Nda, null, [Contoso, Fabrikam], null, DateOnly.FromDateTime(SignedAt.AddYears(1).AddDays(-1).UtcDateTime), SignedAt));

        Assert.Single(DueAYearAfterSigning.Decide(Partnership(expiresTheDayItIsDue)));
        Assert.Empty(DueAYearAfterSigning.Decide(Partnership(expiredTheDayBefore)));
        Assert.Equal(DateOnly.FromDateTime(SignedAt.AddYears(1).UtcDateTime), Partnership(expiresTheDayItIsDue).Agreements[Agreement].ExpiresOn);
    }

    [Fact]
    public void A_retracted_termination_leaves_the_agreement_in_force_so_its_review_is_overdue_again()
    {
        var termination = Guid.NewGuid();
        var terminated = (termination, (object)new AgreementTerminated(PartnershipId, Agreement, null, SignedAt.AddMonths(6)));
        var retracted = (Guid.NewGuid(), (object)new EventRetracted(PartnershipId, termination, nameof(AgreementTerminated), "recorded on the wrong agreement", SignedAt.AddMonths(7)));

        var state = Partnership(Signed, terminated, retracted);

        Assert.Null(state.Agreements[Agreement].TerminatedAt);
        Assert.Single(DueAYearAfterSigning.Decide(state));
    }

    [Theory]
    [InlineData("00:00:00.5")]
    [InlineData("25.00:00:00")]
    public void The_imported_reminders_interval_is_refused_outside_one_second_to_24_days(string interval)
    {
        IConfiguration Settings(string value) => new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Ledger:ImportedRemindersInterval"] = value }).Build();
        var logger = Microsoft.Extensions.Logging.Abstractions.NullLogger<ImportedReviewReminderScheduler>.Instance;

        var refused = Assert.Throws<InvalidOperationException>(() => new ImportedReviewReminderScheduler(null!, Settings(interval), logger));

        Assert.Contains("Ledger:ImportedRemindersInterval must be between 1 second and 24 days", refused.Message);
        Assert.Equal(TimeSpan.FromMinutes(1), new ImportedReviewReminderScheduler(null!, Settings("00:01:00"), logger).Interval);
    }

    [Fact]
    public void A_reminder_delivered_twice_records_once()
    {
        var once = Partnership(Signed, (Guid.NewGuid(), new AgreementReviewOverdue(PartnershipId, Agreement, SignedAt.AddYears(1), SignedAt.AddYears(1))));

        Assert.Empty(DueAYearAfterSigning.Decide(once));
    }

    [Fact]
    public void A_replayed_command_schedules_no_second_reminder()
    {
        Assert.Empty(AgreementReviewDue.Schedule(new Recorded(PartnershipId, Agreement, 2, Replayed: true), Agreement, SignedAt, null, SignedAt, TimeSpan.Zero));
        Assert.Single(AgreementReviewDue.Schedule(new Recorded(PartnershipId, Agreement, 2), Agreement, SignedAt, null, SignedAt, TimeSpan.Zero));
    }

    [Fact]
    public void A_signing_or_review_of_an_agreement_that_expires_before_its_review_falls_due_schedules_no_reminder()
    {
        var recorded = new Recorded(PartnershipId, Agreement, 2);
        var dueDay = DateOnly.FromDateTime(SignedAt.AddYears(1).UtcDateTime);

        Assert.Empty(AgreementReviewDue.Schedule(recorded, Agreement, SignedAt, dueDay.AddDays(-1), SignedAt, TimeSpan.Zero));
        // In force to the end of its expiry day: a review due that day is owed.
        Assert.Single(AgreementReviewDue.Schedule(recorded, Agreement, SignedAt, dueDay, SignedAt, TimeSpan.Zero));
        Assert.Single(AgreementReviewDue.Schedule(recorded, Agreement, SignedAt, null, SignedAt, TimeSpan.Zero));
    }

    [Fact]
    public void A_reminder_already_due_when_scheduled_waits_the_grace_so_back_filled_reviews_come_first()
    {
        var now = SignedAt.AddYears(2);

        var backFilled = Assert.IsAssignableFrom<Wolverine.DeliveryMessage<AgreementReviewDue>>(
            Assert.Single(AgreementReviewDue.Schedule(new Recorded(PartnershipId, Agreement, 2), Agreement, SignedAt, null, now, TimeSpan.FromMinutes(5))));
        var current = Assert.IsAssignableFrom<Wolverine.DeliveryMessage<AgreementReviewDue>>(
            Assert.Single(AgreementReviewDue.Schedule(new Recorded(PartnershipId, Agreement, 2), Agreement, now, null, now, TimeSpan.FromMinutes(5))));

        Assert.Equal(now.AddMinutes(5), backFilled.Options.ScheduledTime);
        Assert.Equal(SignedAt.AddYears(1), backFilled.Message.DueAt);
        Assert.Equal(now.AddYears(1), current.Options.ScheduledTime);
    }

    [Fact]
    public void An_imported_agreement_is_owed_the_reminders_its_commands_would_have_scheduled_less_those_already_past_that_would_decide_nothing()
    {
        var reviewedOnTime = SignedAt.AddMonths(11);
        var partnership = Partnership(Signed, (Guid.NewGuid(), new AgreementReviewed(PartnershipId, Agreement, reviewedOnTime)));

        // Two years after signing: the signing's reminder is past and decides nothing (reviewed in time); the review's is
        // past too and records an overdue review (no review within a year of it).
        var later = ImportedReviewReminders.Of(partnership, SignedAt.AddYears(2)).ToList();
        var overdue = Assert.Single(later);
        Assert.Equal(reviewedOnTime.AddYears(1), overdue.DueAt);
        Assert.Equal(Agreement, overdue.AgreementId);

        // A month after the review: the review's reminder lies ahead and is owed, whatever comes before it.
        var soon = ImportedReviewReminders.Of(partnership, reviewedOnTime.AddMonths(1)).ToList();
        Assert.Equal([reviewedOnTime.AddYears(1)], soon.Select(reminder => reminder.DueAt));

        // An agreement terminated before its review fell due: its past reminders decide nothing. Terminated after it: the
        // review was overdue all the same.
        var terminated = Partnership(Signed, (Guid.NewGuid(), new AgreementTerminated(PartnershipId, Agreement, null, SignedAt.AddMonths(6))));
        Assert.Empty(ImportedReviewReminders.Of(terminated, SignedAt.AddYears(2)));
        var terminatedLater = Partnership(Signed, (Guid.NewGuid(), new AgreementTerminated(PartnershipId, Agreement, null, SignedAt.AddMonths(18))));
        Assert.Equal([SignedAt.AddYears(1)], ImportedReviewReminders.Of(terminatedLater, SignedAt.AddYears(2)).Select(reminder => reminder.DueAt));
    }
}
