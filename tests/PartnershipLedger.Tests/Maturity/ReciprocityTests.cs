using PartnershipLedger.Maturity;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;
using static PartnershipLedger.Tests.Decisions.Given;

namespace PartnershipLedger.Tests.Maturity;

public sealed class ReciprocityTests
{
    private static readonly DateTimeOffset From = new(2024, 2, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2024, 12, 31, 23, 59, 59, TimeSpan.Zero);
    private static readonly DateTimeOffset March = new(2024, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private static LeadShared Lead(Guid from, Guid to, DateTimeOffset? at = null) => new(PartnershipId, from, to, "Acad Group", true, null, null, at ?? March);
    private static ResourcesShared Resources(Guid from, Guid to, DateTimeOffset? at = null) => new(PartnershipId, from, to, "Azure", null, true, at ?? March);
    private static ResourcesSubcontracted Subcontract(Guid from, Guid to) => new(PartnershipId, from, to, null, null, March);
    private static CustomerReferenceShared Reference(Guid from, Guid to) => new(PartnershipId, from, to, "Acad Group", March);

    private static Reciprocity Between(MaturityDocument partnership, DateTimeOffset? from = null, DateTimeOffset? to = null, DateTimeOffset? knownAt = null) =>
        Reciprocity.Between(partnership.Document, from ?? From, to ?? To, knownAt);

    private static MemberReciprocity Member(Reciprocity reciprocity, Guid organization) => reciprocity.Members.Single(m => m.OrganizationId == organization);

    [Fact]
    public void One_member_only_giving_is_an_index_of_zero()
    {
        var reciprocity = Between(new MaturityDocument().With(Lead(Contoso, Fabrikam), Lead(Contoso, Fabrikam), Resources(Contoso, Fabrikam), Reference(Contoso, Fabrikam)));

        Assert.Equal(0, reciprocity.Index);
        Assert.False(reciprocity.Balanced);
        Assert.Equal(new MemberReciprocity(Contoso, 2, 0, 1, 0, 1, 0), Member(reciprocity, Contoso));
        Assert.Equal(new MemberReciprocity(Fabrikam, 0, 2, 0, 1, 0, 1), Member(reciprocity, Fabrikam));
        Assert.Equal((4, 0), (Member(reciprocity, Contoso).Given, Member(reciprocity, Contoso).Received));
    }

    [Fact]
    public void Giving_as_much_as_receiving_is_an_index_of_one_whatever_the_kind()
    {
        var reciprocity = Between(new MaturityDocument().With(Lead(Contoso, Fabrikam), Subcontract(Fabrikam, Contoso)));

        Assert.Equal(1, reciprocity.Index);
        Assert.True(reciprocity.Balanced);
        Assert.Equal(1, Member(reciprocity, Fabrikam).ResourcesGiven);
        Assert.Equal(1, Member(reciprocity, Contoso).ResourcesReceived);
    }

    [Fact]
    public void Three_given_for_one_received_is_an_index_of_one_half_and_still_balanced()
    {
        var reciprocity = Between(new MaturityDocument().With(Lead(Contoso, Fabrikam), Lead(Contoso, Fabrikam), Reference(Contoso, Fabrikam), Lead(Fabrikam, Contoso)));

        Assert.Equal(0.5, reciprocity.Index);
        Assert.True(reciprocity.Balanced);
    }

    [Fact]
    public void The_index_is_rounded_to_two_decimals()
    {
        var twoForOne = Between(new MaturityDocument().With(Lead(Contoso, Fabrikam), Lead(Contoso, Fabrikam), Lead(Fabrikam, Contoso)));

        Assert.Equal(0.67, twoForOne.Index);
    }

    [Fact]
    public void Without_flows_there_is_no_index_and_nothing_is_balanced()
    {
        var reciprocity = Between(new MaturityDocument());

        Assert.Null(reciprocity.Index);
        Assert.False(reciprocity.Balanced);
        Assert.Equal([Contoso, Fabrikam], reciprocity.Members.Select(m => m.OrganizationId));
        Assert.All(reciprocity.Members, member => Assert.Equal((0, 0), (member.Given, member.Received)));
    }

    [Fact]
    public void A_retracted_lead_is_not_counted_but_was_before_its_retraction()
    {
        var partnership = new MaturityDocument().With(Lead(Contoso, Fabrikam));
        var mistaken = partnership.Record(Lead(Fabrikam, Contoso));
        partnership.Retract(mistaken, recordedAt: March.AddDays(1));

        Assert.Equal(0, Between(partnership).Index);
        Assert.Equal(1, Between(partnership, knownAt: March).Index);
    }

    [Fact]
    public void Only_flows_from_from_to_to_both_included_count()
    {
        var partnership = new MaturityDocument().With(
            Lead(Contoso, Fabrikam, From.AddTicks(-1)),
            Lead(Contoso, Fabrikam, From),
            Resources(Fabrikam, Contoso, To),
            Resources(Fabrikam, Contoso, To.AddTicks(1)));

        var reciprocity = Between(partnership);

        Assert.Equal((1, 1), (Member(reciprocity, Contoso).LeadsGiven, Member(reciprocity, Fabrikam).ResourcesGiven));
        Assert.Equal(1, reciprocity.Index);
        Assert.Equal(0, Between(partnership, to: From).Index);
    }

    [Fact]
    public void A_member_who_left_keeps_what_it_gave()
    {
        var northwind = Guid.NewGuid();
        var partnership = new MaturityDocument().With(
            new MemberJoined(PartnershipId, northwind, March.AddDays(-1)),
            Lead(northwind, Contoso),
            new MemberLeft(PartnershipId, northwind, March.AddDays(1)));

        var reciprocity = Between(partnership);

        Assert.Equal([Contoso, Fabrikam, northwind], reciprocity.Members.Select(m => m.OrganizationId));
        Assert.Equal(1, Member(reciprocity, northwind).LeadsGiven);
    }

    [Fact]
    public void The_trend_counts_each_quarters_flows_apart()
    {
        var q2 = new DateTimeOffset(2024, 4, 1, 0, 0, 0, TimeSpan.Zero);
        var partnership = new MaturityDocument().With(
            Lead(Contoso, Fabrikam, q2.AddTicks(-1)),
            Lead(Contoso, Fabrikam, q2),
            Lead(Fabrikam, Contoso, q2.AddDays(10)),
            Lead(Fabrikam, Contoso, q2.AddMonths(6)));

        var trend = Reciprocity.Trend(partnership.Document, TrendPeriods.Between(TrendInterval.Quarter, new DateTimeOffset(2024, 2, 15, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 8, 1, 0, 0, 0, TimeSpan.Zero)));

        Assert.Equal(
            [
                new ReciprocityPoint(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), q2, 0, 1, 1),
                new ReciprocityPoint(q2, new DateTimeOffset(2024, 7, 1, 0, 0, 0, TimeSpan.Zero), 1, 2, 2),
                new ReciprocityPoint(new DateTimeOffset(2024, 7, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 10, 1, 0, 0, 0, TimeSpan.Zero), null, 0, 0),
            ],
            trend);
    }

    [Fact]
    public void Monthly_periods_are_whole_utc_months_from_the_one_holding_from_to_the_one_holding_to()
    {
        var periods = TrendPeriods.Between(TrendInterval.Month, new DateTimeOffset(2024, 12, 31, 23, 0, 0, TimeSpan.FromHours(-2)), new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(
            [new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero)],
            periods.Select(period => period.Start));
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero), periods[^1].End);
    }

    [Fact]
    public void A_trend_has_at_most_120_points()
    {
        var from = new DateTimeOffset(2015, 1, 31, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(120, TrendPeriods.Between(TrendInterval.Month, from, new DateTimeOffset(2024, 12, 1, 0, 0, 0, TimeSpan.Zero)).Count);
        var refused = Assert.Throws<ValidationFailedException>(() => TrendPeriods.Between(TrendInterval.Month, from, new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal("from", Assert.Single(refused.Problems).Field);
        Assert.Equal(120, TrendPeriods.Between(TrendInterval.Quarter, new DateTimeOffset(1995, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 12, 31, 0, 0, 0, TimeSpan.Zero)).Count);
    }

    [Fact]
    public void A_trend_from_after_to_is_refused() =>
        Assert.Equal("from", Assert.Single(Assert.Throws<ValidationFailedException>(() => TrendPeriods.Between(TrendInterval.Quarter, To, From)).Problems).Field);
}
