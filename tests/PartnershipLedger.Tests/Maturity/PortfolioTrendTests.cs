using System.Text.Json;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using PartnershipLedger.Maturity;
using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.Maturity;

public sealed class PortfolioTrendTests(AppFixture fixture) : IntegrationContext(fixture)
{
    /// <summary>Three partnerships formed in January 2024: one lead in February, one in March, none in the third.</summary>
    private async Task<TwoPartners[]> PortfolioAsync()
    {
        var first = await Host.FormPartnershipAsync();
        var second = await Host.FormPartnershipAsync();
        var third = await Host.FormPartnershipAsync();
        await Host.RecordAsync("shareLead", new { partnershipId = first.PartnershipId, fromOrganizationId = first.First, toOrganizationId = first.Second, customer = "Acad", interestExpressed = true, occurredAt = "2024-03-01T10:00:00Z" }, first.FirstUser);
        await Host.RecordAsync("shareLead", new { partnershipId = second.PartnershipId, fromOrganizationId = second.Second, toOrganizationId = second.First, customer = "Truck Range", interestExpressed = true, occurredAt = "2024-02-10T10:00:00Z" }, second.SecondUser);
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        return [first, second, third];
    }

    private async Task<List<JsonElement>> TrendAsync(string interval, string from, string to, Guid? organization = null, string? partnerType = null)
    {
        var filter = (organization is null ? "" : $", organizationId: \"{organization}\"") + (partnerType is null ? "" : $", partnerType: {partnerType}");
        var response = await Host.GraphQLAsync($"{{ portfolioTrend(function: LEADS_AND_PIPELINE, from: \"{from}\", to: \"{to}\", interval: {interval}{filter}) {{ periodStart periodEnd basic reactive proactive dynamic ups downs }} }}");
        return response.Data("portfolioTrend").EnumerateArray().ToList();
    }

    private static (int, int, int, int) Counts(JsonElement point) =>
        (point.GetProperty("basic").GetInt32(), point.GetProperty("reactive").GetInt32(), point.GetProperty("ups").GetInt32(), point.GetProperty("downs").GetInt32());

    [Fact]
    public async Task The_portfolio_trend_by_quarter_counts_each_level_at_each_period_end_with_the_moves()
    {
        await PortfolioAsync();

        var quarters = await TrendAsync("QUARTER", "2024-01-01T00:00:00Z", "2025-06-30T00:00:00Z");

        Assert.Equal(6, quarters.Count);
        Assert.Equal("2024-01-01T00:00:00Z", quarters[0].GetProperty("periodStart").GetString());
        Assert.Equal("2024-04-01T00:00:00Z", quarters[0].GetProperty("periodEnd").GetString());
        Assert.Equal((1, 2, 2, 0), Counts(quarters[0]));
        Assert.Equal((1, 2, 0, 0), Counts(quarters[3]));
        Assert.Equal((3, 0, 0, 2), Counts(quarters[4]));
        Assert.Equal((3, 0, 0, 0), Counts(quarters[5]));
    }

    [Fact]
    public async Task The_portfolio_trend_by_month_sees_each_lead_in_its_month()
    {
        await PortfolioAsync();

        var months = await TrendAsync("MONTH", "2024-01-01T00:00:00Z", "2024-03-31T00:00:00Z");

        Assert.Equal([(3, 0, 0, 0), (2, 1, 1, 0), (1, 2, 1, 0)], months.Select(Counts));
    }

    [Fact]
    public async Task A_trend_can_be_limited_to_one_organizations_partnerships()
    {
        var portfolio = await PortfolioAsync();

        var months = await TrendAsync("MONTH", "2024-03-01T00:00:00Z", "2024-03-31T00:00:00Z", portfolio[0].First);

        Assert.Equal([(0, 1, 1, 0)], months.Select(Counts));
    }

    [Fact]
    public async Task A_trend_can_be_limited_to_partnerships_with_a_partner_type()
    {
        await PortfolioAsync();
        var reseller = await Host.RegisterOrganizationAsync("Northwind", "VALUE_ADDED_RESELLER");
        var other = await Host.RegisterOrganizationAsync("Litware");
        await Host.RecordAsync("formPartnership", new { name = "Resale", memberIds = new[] { reseller, other }, occurredAt = "2024-01-20T00:00:00Z" }, new As("ann", reseller));
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        var months = await TrendAsync("MONTH", "2024-03-01T00:00:00Z", "2024-03-31T00:00:00Z", partnerType: "VALUE_ADDED_RESELLER");

        Assert.Equal([(1, 0, 0, 0)], months.Select(Counts));
    }

    [Fact]
    public async Task A_range_of_too_many_periods_is_refused()
    {
        var response = await Host.GraphQLAsync("{ portfolioTrend(function: AGREEMENT, from: \"2000-01-01T00:00:00Z\", to: \"2030-01-01T00:00:00Z\", interval: MONTH) { basic } }");

        Assert.Equal("from", response.SingleError("VALIDATION").Field());
    }

    [Fact]
    public async Task Rebuilding_every_projection_from_the_events_gives_the_same_answers()
    {
        var portfolio = await PortfolioAsync();
        await Host.RecordAsync("signAgreement", new { partnershipId = portfolio[2].PartnershipId, kind = "LETTER_OF_INTENT", occurredAt = "2024-04-01T10:00:00Z" }, portfolio[2].FirstUser);
        await Host.RecordAsync("recordSelfAssessment", new { partnershipId = portfolio[2].PartnershipId, organizationId = portfolio[2].First, function = "AGREEMENT", answers = new[] { true, true, true, true, false, false, false } }, portfolio[2].FirstUser);
        await Host.WaitForEventAsync(portfolio[2].PartnershipId, "AgreementReviewOverdue");
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        async Task<string> AnswersAsync()
        {
            var answers = new List<string>();
            foreach (var p in portfolio)
                answers.Add((await Host.GraphQLAsync($"{{ partnership(id: \"{p.PartnershipId}\") {{ name version status members {{ name }} maturity(asOf: \"2024-06-01T00:00:00Z\") {{ function level assessedLevel gap since }} maturityHistory {{ function at from to basis causeEventId reason }} }} }}")).ToString());
            answers.Add((await TrendAsync("QUARTER", "2024-01-01T00:00:00Z", "2025-12-31T00:00:00Z")).Aggregate("", (all, point) => all + point));
            return string.Join("\n", answers);
        }
        var before = await AnswersAsync();
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        await store.Advanced.Clean.DeleteDocumentsByTypeAsync(typeof(PartnershipMaturity));
        await store.Advanced.Clean.DeleteDocumentsByTypeAsync(typeof(MaturityTimeline));
        await store.Advanced.Clean.DeleteDocumentsByTypeAsync(typeof(MaturityTrendBucket));
        Assert.NotEqual(before, await AnswersAsync());

        await ProjectionRebuild.RebuildAllAsync(Host.Services.GetRequiredService<IDocumentStore>(), Host.Services.GetRequiredService<IProjectionCoordinator>(), CancellationToken.None);
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(before, await AnswersAsync());
        Assert.Contains("PROACTIVE", before);
    }
}
