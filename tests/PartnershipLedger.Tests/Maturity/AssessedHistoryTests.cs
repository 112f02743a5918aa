using PartnershipLedger.Maturity;
using PartnershipLedger.Model;
using PartnershipLedger.Partnerships;
using static PartnershipLedger.Tests.Maturity.Evidence;

namespace PartnershipLedger.Tests.Maturity;

/// <summary>
/// The assessed history (the lowest of the members' latest self-assessments, as it changes), against the rule written
/// out plainly: at each assessment, every assessment made by then, each member's last (by business, then recording
/// time), the lowest level. Several assessments at one instant (members together, a member assessing twice) are the case
/// that matters.
/// </summary>
public sealed class AssessedHistoryTests
{
    private const BusinessFunction Function = BusinessFunction.JointBusinessPlanning;
    private static readonly Guid Northwind = Guid.Parse("00000000-0000-0000-0000-00000000000c");

    [Fact]
    public void Members_assessing_at_one_instant_count_together_and_the_first_of_them_is_the_cause()
    {
        var partnership = new Evidence();
        var at = Day(2024, 3, 1);
        var first = Assess(partnership, Contoso, MaturityLevel.Dynamic, at, at);
        Assess(partnership, Fabrikam, MaturityLevel.Reactive, at, at);
        Assess(partnership, Fabrikam, MaturityLevel.Proactive, at, at.AddHours(1));   // the same member again, recorded later: it counts

        var change = Assert.Single(AssessedHistory(partnership));

        Assert.Equal((at, (MaturityLevel?)null, MaturityLevel.Proactive, (Guid?)first), (change.At, change.From, change.To, change.CauseEventId));
    }

    [Fact]
    public void Random_portfolios_of_assessments_with_ties_give_the_history_the_plain_rule_gives()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var partnership = new Evidence();
            var days = Enumerable.Range(0, 5).Select(day => Day(2024, 2, 1).AddDays(7 * day)).ToArray();
            for (var i = random.Next(1, 14); i > 0; i--)
            {
                var occurred = days[random.Next(days.Length)];
                Assess(partnership, new[] { Contoso, Fabrikam, Northwind }[random.Next(3)], (MaturityLevel)random.Next(4), occurred,
                    occurred.AddHours(random.Next(3)));
            }

            var expected = Plainly(partnership.Document.Facts.Where(fact => fact.Type == nameof(SelfAssessmentRecorded)).ToList());
            Assert.NotEmpty(expected);
            var derived = AssessedHistory(partnership).Select(change => (change.At, change.From, change.To, change.CauseEventId!.Value)).ToList();

            Assert.True(expected.SequenceEqual(derived), $"seed {seed}: expected {string.Join("; ", expected)}, derived {string.Join("; ", derived)}");

            // What a reading lists as the members' latest assessments, at each instant and between them.
            var assessments = partnership.Document.Facts.Where(fact => fact.Type == nameof(SelfAssessmentRecorded)).ToList();
            foreach (var at in days.SelectMany(day => new[] { day.AddTicks(-1), day }))
            {
                var plainly = assessments.Where(fact => fact.OccurredAt <= at).GroupBy(fact => fact.Id("organizationId"))
                    .Select(member => member.OrderBy(fact => fact.OccurredAt).ThenBy(fact => fact.RecordedAt).Last().EventId).Order();
                var listed = MaturityEvaluator.LatestAssessments(new MaturityEvaluator.View(partnership.Document, null), Function, at).Select(fact => fact.EventId).Order();
                Assert.True(plainly.SequenceEqual(listed), $"seed {seed}, at {at:O}: latest assessments differ");
            }
        }
    }

    private static Guid Assess(Evidence partnership, Guid member, MaturityLevel level, DateTimeOffset occurredAt, DateTimeOffset recordedAt) =>
        partnership.Add(new SelfAssessmentRecorded(PartnershipId, member, Function, [true], 1, level, "1.0.0", occurredAt), recordedAt);

    private static List<MaturityChange> AssessedHistory(Evidence partnership) =>
        Evaluator.History(partnership.Document).Where(change => change.Function == Function && change.Basis == MaturityBasis.Assessed).ToList();

    /// <summary>The rule, plainly (and slowly): what the history was derived with before it kept each member's latest as it went.</summary>
    private static List<(DateTimeOffset, MaturityLevel?, MaturityLevel, Guid)> Plainly(List<MaturityFact> facts)
    {
        var assessments = facts.OrderBy(fact => fact.OccurredAt).ThenBy(fact => fact.RecordedAt).ToList();
        var history = new List<(DateTimeOffset, MaturityLevel?, MaturityLevel, Guid)>();
        MaturityLevel? current = null;
        foreach (var assessment in assessments)
        {
            var level = assessments.Where(fact => fact.OccurredAt <= assessment.OccurredAt).GroupBy(fact => fact.Id("organizationId"))
                .Select(member => member.OrderBy(fact => fact.OccurredAt).ThenBy(fact => fact.RecordedAt).Last().Level).Min();
            if (level == current || level is null) continue;
            history.Add((assessment.OccurredAt, current, level.Value, assessment.EventId));
            current = level;
        }
        return history;
    }
}
