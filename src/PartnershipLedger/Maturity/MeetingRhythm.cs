using System.ComponentModel;
using PartnershipLedger.Partnerships;

namespace PartnershipLedger.Maturity;

/// <summary>How often the partners meet, from most to least often (001: "Quarterly is good, Monthly is great, Weekly is Nirvana!").</summary>
public enum MeetingCadence
{
    [Description("Meetings at most 10 days apart (median gap): Nirvana.")] Weekly,
    [Description("Meetings at most 45 days apart (median gap): great.")] Monthly,
    [Description("Meetings at most 100 days apart (median gap): good.")] Quarterly,
    [Description("A single meeting, or meetings more than 100 days apart: no rhythm.")] Irregular,
    [Description("No meeting at all.")] None,
}

/// <param name="Observed">The cadence of the meetings in the 12 months before asOf.</param>
/// <param name="MeetingsLast12Months">Days with a meeting in those 12 months.</param>
/// <param name="LastMeetingAt">The latest meeting at or before asOf, however old.</param>
/// <param name="DaysSinceLastMeeting">Whole days from the latest meeting to asOf.</param>
/// <param name="Slipped">The partners are past the next meeting the observed cadence calls for, or meet less often than the year before.</param>
/// <param name="Previous">The cadence of the meetings in the 12 months before those.</param>
/// <param name="NextMeetingDueBy">The latest meeting plus the observed cadence's longest gap; null without a cadence.</param>
public sealed record MeetingRhythm(
    MeetingCadence Observed,
    int MeetingsLast12Months,
    DateTimeOffset? LastMeetingAt,
    int? DaysSinceLastMeeting,
    bool Slipped,
    MeetingCadence Previous,
    DateTimeOffset? NextMeetingDueBy,
    string Advice)
{
    public static readonly IReadOnlyList<string> MeetingTypes =
        [nameof(PartnerMeetingHeld), nameof(JointPlanReviewed), nameof(PipelineReviewHeld), nameof(ExecutiveBriefingHeld), nameof(SupportReviewHeld)];

    public const string QuarterlyIsGood = "Quarterly is good";
    public const string MonthlyIsGreat = "Monthly is great";
    public const string WeeklyIsNirvana = "Weekly is Nirvana!";
    private const string MeetInARhythm = "Create a circle of trust and meet in person in a rhythm: quarterly is good, monthly is great, weekly is Nirvana!";

    /// <summary>
    /// The partnership's meeting rhythm at business time <paramref name="asOf"/>, from the meetings the ledger counted at
    /// system time <paramref name="knownAt"/> (null: as known now).
    /// </summary>
    public static MeetingRhythm At(PartnershipMaturity partnership, DateTimeOffset asOf, DateTimeOffset? knownAt)
    {
        var standing = partnership.Standing(knownAt);
        var meetings = MeetingTypes.SelectMany(type => standing[type]).Select(fact => fact.OccurredAt).Where(at => at <= asOf).Order().ToList();
        var yearAgo = asOf.AddYears(-1);
        var lastYear = MeetingDays(meetings, after: yearAgo, until: asOf);
        var observed = CadenceOf(lastYear);
        var previous = CadenceOf(MeetingDays(meetings, after: yearAgo.AddYears(-1), until: yearAgo));

        DateTimeOffset? lastMeetingAt = meetings.Count > 0 ? meetings[^1] : null;
        DateTimeOffset? nextMeetingDueBy = lastMeetingAt is { } last && LongestGap(observed) is { } days ? last.AddDays(days) : null;
        var slipped = nextMeetingDueBy < asOf || Frequency(observed) < Frequency(previous);
        int? daysSince = lastMeetingAt is { } latest ? (int)Math.Floor((asOf - latest).TotalDays) : null;

        return new MeetingRhythm(observed, lastYear.Count, lastMeetingAt, daysSince, slipped, previous, nextMeetingDueBy, AdviceFor(observed, slipped));
    }

    /// <summary>
    /// The distinct UTC days with a meeting in (after, until]. A partner meeting, a plan review and a pipeline review
    /// held at one sitting are one meeting: counted apart, their zero-day gaps would make any quarterly rhythm look weekly.
    /// </summary>
    private static List<DateOnly> MeetingDays(IEnumerable<DateTimeOffset> meetings, DateTimeOffset after, DateTimeOffset until) =>
        meetings.Where(at => at > after && at <= until).Select(at => DateOnly.FromDateTime(at.UtcDateTime)).Distinct().Order().ToList();

    public static MeetingCadence CadenceOf(IReadOnlyList<DateOnly> meetingDays)
    {
        if (meetingDays.Count == 0) return MeetingCadence.None;
        if (meetingDays.Count == 1) return MeetingCadence.Irregular;
        var gaps = meetingDays.Zip(meetingDays.Skip(1), (earlier, later) => later.DayNumber - earlier.DayNumber).Order().ToList();
        var median = gaps.Count % 2 == 1 ? gaps[gaps.Count / 2] : (gaps[gaps.Count / 2 - 1] + gaps[gaps.Count / 2]) / 2.0;
        return new[] { MeetingCadence.Weekly, MeetingCadence.Monthly, MeetingCadence.Quarterly }
            .Where(cadence => median <= LongestGap(cadence))
            .DefaultIfEmpty(MeetingCadence.Irregular)
            .First();
    }

    /// <summary>The longest gap, in days, between meetings of a cadence; null for IRREGULAR and NONE.</summary>
    public static int? LongestGap(MeetingCadence cadence) => cadence switch
    {
        MeetingCadence.Weekly => 10,
        MeetingCadence.Monthly => 45,
        MeetingCadence.Quarterly => 100,
        _ => null,
    };

    /// <summary>Higher for more frequent meetings: NONE 0, IRREGULAR 1, QUARTERLY 2, MONTHLY 3, WEEKLY 4.</summary>
    private static int Frequency(MeetingCadence cadence) => MeetingCadence.None - cadence;

    private static string AdviceFor(MeetingCadence observed, bool slipped) => (observed, slipped) switch
    {
        (MeetingCadence.None, _) => $"The partners have not met in the last 12 months. {MeetInARhythm}",
        (MeetingCadence.Irregular, _) => $"The partners meet without a rhythm. {MeetInARhythm}",
        (_, true) => $"The meeting rhythm has slipped. {MeetInARhythm}",
        (MeetingCadence.Quarterly, _) => $"{QuarterlyIsGood}; monthly is great, weekly is Nirvana!",
        (MeetingCadence.Monthly, _) => $"{MonthlyIsGreat}; weekly is Nirvana!",
        _ => WeeklyIsNirvana,
    };
}
