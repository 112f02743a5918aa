using PartnershipLedger.Maturity;
using PartnershipLedger.Partnerships;
using static PartnershipLedger.Tests.Decisions.Given;

namespace PartnershipLedger.Tests.Maturity;

public sealed class MeetingRhythmTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static PartnerMeetingHeld MeetingDaysBefore(double days) => new(PartnershipId, true, null, AsOf.AddDays(-days));

    /// <summary>Meetings the given numbers of days before <see cref="AsOf"/>.</summary>
    private static MaturityDocument MetDaysBefore(params double[] days) => new MaturityDocument().With(days.Select(MeetingDaysBefore).ToArray<IPartnershipEvent>());

    private static MeetingRhythm Rhythm(MaturityDocument partnership, DateTimeOffset? asOf = null, DateTimeOffset? knownAt = null) =>
        MeetingRhythm.At(partnership.Document, asOf ?? AsOf, knownAt);

    [Theory]
    [InlineData(1, MeetingCadence.Weekly)]
    [InlineData(10, MeetingCadence.Weekly)]
    [InlineData(11, MeetingCadence.Monthly)]
    [InlineData(45, MeetingCadence.Monthly)]
    [InlineData(46, MeetingCadence.Quarterly)]
    [InlineData(100, MeetingCadence.Quarterly)]
    [InlineData(101, MeetingCadence.Irregular)]
    public void The_median_gap_between_meetings_sets_the_cadence(int gapInDays, MeetingCadence expected)
    {
        var rhythm = Rhythm(MetDaysBefore(0, gapInDays, 2 * gapInDays, 3 * gapInDays));

        Assert.Equal(expected, rhythm.Observed);
        Assert.False(rhythm.Slipped);
    }

    [Fact]
    public void The_median_not_the_mean_decides_so_one_long_break_does_not_spoil_a_weekly_rhythm() =>
        Assert.Equal(MeetingCadence.Weekly, Rhythm(MetDaysBefore(0, 7, 14, 21, 121)).Observed);

    [Fact]
    public void With_an_even_number_of_gaps_the_median_is_the_mean_of_the_middle_two() =>
        Assert.Equal(MeetingCadence.Monthly, Rhythm(MetDaysBefore(0, 10, 21)).Observed);

    [Fact]
    public void Several_meetings_on_one_day_are_one_meeting()
    {
        var quarterlySittings = new MaturityDocument();
        foreach (var daysBefore in new[] { 0, 90, 180 })
        {
            var at = AsOf.AddDays(-daysBefore);
            quarterlySittings.With(new PartnerMeetingHeld(PartnershipId, true, null, at), new PipelineReviewHeld(PartnershipId, true, at.AddHours(1)), new ExecutiveBriefingHeld(PartnershipId, null, at.AddHours(2)));
        }

        var rhythm = Rhythm(quarterlySittings, asOf: AsOf.AddHours(3));

        Assert.Equal(MeetingCadence.Quarterly, rhythm.Observed);
        Assert.Equal(3, rhythm.MeetingsLast12Months);
    }

    [Fact]
    public void Every_kind_of_meeting_counts_and_other_facts_do_not()
    {
        var partnership = new MaturityDocument().With(
            new PartnerMeetingHeld(PartnershipId, false, null, AsOf.AddDays(-28)),
            new JointPlanReviewed(PartnershipId, Guid.NewGuid(), true, AsOf.AddDays(-21)),
            new PipelineReviewHeld(PartnershipId, false, AsOf.AddDays(-14)),
            new ExecutiveBriefingHeld(PartnershipId, null, AsOf.AddDays(-7)),
            new SupportReviewHeld(PartnershipId, AsOf),
            new CustomerMeetingHeld(PartnershipId, "Acad Group", AsOf.AddDays(-3)),
            new LeadShared(PartnershipId, Contoso, Fabrikam, "Acad Group", true, null, null, AsOf.AddDays(-2)));

        var rhythm = Rhythm(partnership);

        Assert.Equal(5, rhythm.MeetingsLast12Months);
        Assert.Equal(MeetingCadence.Weekly, rhythm.Observed);
        Assert.Equal(AsOf, rhythm.LastMeetingAt);
    }

    [Fact]
    public void Only_meetings_in_the_twelve_months_up_to_as_of_are_observed()
    {
        var oneYearExactlyAndOneLater = Rhythm(MetDaysBefore(365, 0, -7));
        var justInsideTheYear = Rhythm(MetDaysBefore(364.9, 0));

        Assert.Equal(1, oneYearExactlyAndOneLater.MeetingsLast12Months);
        Assert.Equal(MeetingCadence.Irregular, oneYearExactlyAndOneLater.Observed);
        Assert.Equal(AsOf, oneYearExactlyAndOneLater.LastMeetingAt);
        Assert.Equal(2, justInsideTheYear.MeetingsLast12Months);
    }

    [Fact]
    public void A_weekly_rhythm_has_slipped_only_once_more_than_ten_days_passed()
    {
        var partnership = MetDaysBefore(0, 7, 14, 21);

        var lastDay = Rhythm(partnership, asOf: AsOf.AddDays(10));
        var oneMinuteLater = Rhythm(partnership, asOf: AsOf.AddDays(10).AddMinutes(1));

        Assert.Equal(AsOf.AddDays(10), lastDay.NextMeetingDueBy);
        Assert.Equal(10, lastDay.DaysSinceLastMeeting);
        Assert.False(lastDay.Slipped);
        Assert.Equal(MeetingCadence.Weekly, oneMinuteLater.Observed);
        Assert.True(oneMinuteLater.Slipped);
        Assert.Contains("meet in person in a rhythm", oneMinuteLater.Advice);
    }

    [Theory]
    [InlineData(30, 45)]
    [InlineData(90, 100)]
    public void Monthly_and_quarterly_rhythms_slip_after_45_and_100_days(int gap, int limit)
    {
        var partnership = MetDaysBefore(0, gap, 2 * gap);

        Assert.False(Rhythm(partnership, asOf: AsOf.AddDays(limit)).Slipped);
        Assert.True(Rhythm(partnership, asOf: AsOf.AddDays(limit).AddSeconds(1)).Slipped);
        Assert.Equal(AsOf.AddDays(limit), Rhythm(partnership).NextMeetingDueBy);
    }

    [Fact]
    public void Meeting_less_often_than_the_year_before_is_a_slip_even_on_time()
    {
        var monthlyLastYearQuarterlyNow = MetDaysBefore(0, 90, 180, 270, 400, 430, 460, 490, 520, 550);

        var rhythm = Rhythm(monthlyLastYearQuarterlyNow);

        Assert.Equal(MeetingCadence.Quarterly, rhythm.Observed);
        Assert.Equal(MeetingCadence.Monthly, rhythm.Previous);
        Assert.True(rhythm.Slipped);
        Assert.Contains("slipped", rhythm.Advice);
    }

    [Fact]
    public void Meeting_more_often_than_the_year_before_is_no_slip()
    {
        var rhythm = Rhythm(MetDaysBefore(0, 30, 60, 90, 400, 500, 600));

        Assert.Equal(MeetingCadence.Monthly, rhythm.Observed);
        Assert.Equal(MeetingCadence.Quarterly, rhythm.Previous);
        Assert.False(rhythm.Slipped);
        Assert.StartsWith("Monthly is great", rhythm.Advice);
    }

    [Fact]
    public void Without_any_meeting_the_cadence_is_none_and_nothing_is_due()
    {
        var rhythm = Rhythm(new MaturityDocument());

        Assert.Equal(new MeetingRhythm(MeetingCadence.None, 0, null, null, false, MeetingCadence.None, null, rhythm.Advice), rhythm);
        Assert.Contains("meet in person in a rhythm", rhythm.Advice);
    }

    [Fact]
    public void Partners_who_stopped_meeting_have_no_cadence_now_and_have_slipped_from_last_year()
    {
        var rhythm = Rhythm(MetDaysBefore(400, 490, 580));

        Assert.Equal(MeetingCadence.None, rhythm.Observed);
        Assert.Equal(MeetingCadence.Quarterly, rhythm.Previous);
        Assert.True(rhythm.Slipped);
        Assert.Equal(AsOf.AddDays(-400), rhythm.LastMeetingAt);
        Assert.Equal(400, rhythm.DaysSinceLastMeeting);
        Assert.Null(rhythm.NextMeetingDueBy);
    }

    [Fact]
    public void A_single_meeting_is_irregular_with_no_next_meeting_due()
    {
        var rhythm = Rhythm(MetDaysBefore(3));

        Assert.Equal(MeetingCadence.Irregular, rhythm.Observed);
        Assert.Equal(1, rhythm.MeetingsLast12Months);
        Assert.Null(rhythm.NextMeetingDueBy);
        Assert.False(rhythm.Slipped);
        Assert.Contains("meet in person in a rhythm", rhythm.Advice);
    }

    [Theory]
    [InlineData(5, "Weekly is Nirvana!")]
    [InlineData(30, "Monthly is great")]
    [InlineData(90, "Quarterly is good")]
    public void The_advice_quotes_001_for_each_steady_rhythm(int gap, string words) =>
        Assert.StartsWith(words, Rhythm(MetDaysBefore(0, gap, 2 * gap)).Advice);

    [Fact]
    public void A_retracted_meeting_no_longer_counts_but_did_before_its_retraction()
    {
        var partnership = MetDaysBefore(0, 7, 14);
        var mistaken = partnership.Record(MeetingDaysBefore(21));
        partnership.Retract(mistaken, recordedAt: AsOf.AddDays(1));

        Assert.Equal(3, Rhythm(partnership).MeetingsLast12Months);
        Assert.Equal(4, Rhythm(partnership, knownAt: AsOf).MeetingsLast12Months);
    }

    [Fact]
    public void A_meeting_recorded_later_is_unknown_before_it_was_recorded()
    {
        var partnership = MetDaysBefore(30);
        partnership.Record(MeetingDaysBefore(0), recordedAt: AsOf.AddDays(2));

        Assert.Equal(2, Rhythm(partnership).MeetingsLast12Months);
        Assert.Equal(1, Rhythm(partnership, knownAt: AsOf.AddDays(1)).MeetingsLast12Months);
    }
}
