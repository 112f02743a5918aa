using PartnershipLedger.Maturity;
using PartnershipLedger.Partnerships;

namespace PartnershipLedger.Tests.Maturity;

/// <summary>
/// Whether an event requirement holds is worked out once per view by a sweep (<see cref="MaturityEvaluator.View.HoldsAt"/>):
/// checked here against the rule's plain definition, counting the facts in the window at each instant.
/// </summary>
public sealed class RequirementSweepTests
{
    private static readonly string[] Campaigns = ["Copilot", "copilot", "Azure", "AZURE", "Teams"];

    [Theory]
    [InlineData(1, false, 0, 10)]
    [InlineData(3, false, 3, 0)]
    [InlineData(2, true, 1, 0)]
    [InlineData(3, true, 2, 0)]
    [InlineData(0, false, 0, 7)]
    [InlineData(5, false, 12, 0)]
    public void The_sweep_agrees_with_counting_the_facts_in_the_window_at_every_instant(int atLeast, bool distinct, int months, int days)
    {
        var random = new Random(atLeast * 100 + months * 10 + days);
        var evidence = new Evidence();
        var start = Evidence.FormedAt;
        for (var i = 0; i < 60; i++)
        {
            // Bunched on whole days, so several facts share an instant and windows end where others start.
            var at = start.AddDays(random.Next(0, 700));
            var from = random.Next(2) == 0 ? Evidence.Contoso : Evidence.Fabrikam;
            // Campaigns that differ only in case are one campaign.
            var campaign = Campaigns[random.Next(Campaigns.Length)];
            evidence.Add(new LeadShared(Evidence.PartnershipId, from, from == Evidence.Contoso ? Evidence.Fabrikam : Evidence.Contoso, "Customer", true, null, campaign, at));
        }
        var window = new Period(0, months, days);
        var requirement = new Requirement([nameof(LeadShared)], [], atLeast, distinct ? "campaign" : null, window, null, null);
        var view = new MaturityEvaluator.View(evidence.Document, null);
        var facts = view.Of(nameof(LeadShared)).ToList();

        bool Counted(DateTimeOffset at)
        {
            var standing = facts.Where(fact => fact.OccurredAt <= at && at < window.After(fact.OccurredAt)).ToList();
            return (distinct ? standing.Select(fact => fact.Text("campaign")).Distinct(StringComparer.OrdinalIgnoreCase).Count() : standing.Count) >= atLeast;
        }

        var instants = facts.SelectMany(fact => new[] { fact.OccurredAt, window.After(fact.OccurredAt) })
            .SelectMany(instant => new[] { instant.AddTicks(-1), instant, instant.AddTicks(1) })
            .Append(start.AddYears(-1)).Append(start.AddYears(5)).ToList();
        var disagreements = instants.Where(at => view.HoldsAt(requirement, window, at) != Counted(at)).ToList();

        Assert.Empty(disagreements);
        Assert.Contains(instants, at => Counted(at));   // the cases are not trivial
        if (atLeast > 0) Assert.Contains(instants, at => !Counted(at));
    }
}
