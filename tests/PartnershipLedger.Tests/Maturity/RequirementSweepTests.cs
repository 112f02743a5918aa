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

    [Fact]
    public void Home_regions_counted_once_per_membership_change_agree_with_the_members_at_every_instant()
    {
        // Sweden and SWEDEN are one region; joins and a departure share instants; one member has no region.
        var evidence = new Evidence(contosoRegion: "Sweden", fabrikamRegion: "SWEDEN");
        var (northwind, tailspin, adatum) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var joined = Evidence.FormedAt.AddMonths(3);
        var left = Evidence.FormedAt.AddMonths(8);
        evidence.Add(new MemberJoined(Evidence.PartnershipId, northwind, joined));
        evidence.Add(new MemberJoined(Evidence.PartnershipId, tailspin, joined));
        evidence.Add(new MemberJoined(Evidence.PartnershipId, adatum, left));
        evidence.Add(new MemberLeft(Evidence.PartnershipId, northwind, left));
        evidence.Document.Profiles[northwind] = new PartnershipMaturity.MemberProfile("Norway", []);
        evidence.Document.Profiles[tailspin] = new PartnershipMaturity.MemberProfile("", []);
        evidence.Document.Profiles[adatum] = new PartnershipMaturity.MemberProfile("sweden", []);
        var view = new MaturityEvaluator.View(evidence.Document, null);

        int Counted(DateTimeOffset at) => view.MembersAt(at).Select(member => evidence.Document.Profiles[member].HomeRegion).Where(region => region != "")
            .Distinct(StringComparer.OrdinalIgnoreCase).Count();

        var instants = new[] { Evidence.FormedAt, joined, left }.SelectMany(instant => new[] { instant.AddTicks(-1), instant, instant.AddTicks(1) }).ToList();
        Assert.Equal(instants.Select(Counted), instants.Select(view.HomeRegionsAt));
        Assert.Equal([0, 1, 1, 1, 2, 2, 2, 1, 1], instants.Select(view.HomeRegionsAt));   // before formation none; Norway joins; Norway leaves as a Swedish member joins
    }
}
