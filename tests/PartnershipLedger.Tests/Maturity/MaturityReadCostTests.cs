using Marten;
using Marten.Events;
using PartnershipLedger.Tests.Hosting;
using Xunit.Abstractions;

namespace PartnershipLedger.Tests.Maturity;

/// <summary>
/// A read of one partnership's levels is one round trip that fetches the partnership and its maturity timeline;
/// the maturity document (its facts) is fetched only by fields that need them.
/// </summary>
public sealed class MaturityReadCostTests(AppFixture fixture, ITestOutputHelper output) : IntegrationContext(fixture)
{
    private async Task<(Guid Partnership, IReadOnlyList<string> Commands)> CommandsOfAsync(string selection)
    {
        var partnership = await Host.FormPartnershipAsync("Contoso + Fabrikam",
            [await Host.RegisterOrganizationAsync("Contoso"), await Host.RegisterOrganizationAsync("Fabrikam")]);
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        await Host.GraphQLAsync("{ __typename }");   // the token's registry check is cached before counting
        using var recording = SqlCommandLog.Instance.Start();
        var response = await Host.GraphQLAsync($"query($id: ID!) {{ partnership(id: $id) {{ {selection} }} }}", new { id = partnership });
        Assert.Empty(response.Errors());
        foreach (var sql in recording.DocumentCommands) output.WriteLine(sql + "\n--");
        return (partnership, recording.DocumentCommands);
    }

    [Fact]
    public async Task Levels_history_and_trend_of_one_partnership_cost_one_round_trip_without_the_facts()
    {
        var (_, commands) = await CommandsOfAsync(
            "name maturity { level assessedLevel gap since } maturityHistory { at from to } maturityTrend(function: AGREEMENT, from: \"2025-01-01T00:00:00Z\", to: \"2026-01-01T00:00:00Z\", interval: QUARTER) { level }");

        var batch = Assert.Single(commands);
        Assert.Contains("mt_doc_partnershipsummary", batch);
        Assert.Contains("mt_doc_maturitytimeline", batch);
        Assert.DoesNotContain("mt_doc_partnershipmaturity", batch);
    }

    [Fact]
    public async Task Evidence_fetches_the_whole_maturity_document_once_for_all_ten_functions()
    {
        var (_, commands) = await CommandsOfAsync("maturity { level evidence { eventId } evidenceExpiresAt assessments { level } }");

        Assert.Equal(2, commands.Count);
        Assert.DoesNotContain("mt_doc_maturitytimeline", commands[0]);   // the partnership alone: its whole document is read next
        // The whole document and its stored history, in one round trip.
        Assert.Contains("mt_doc_partnershipmaturity", commands[1]);
        Assert.Contains("mt_doc_maturitytimeline", commands[1]);
    }

    [Fact]
    public async Task Levels_asked_for_with_their_evidence_come_from_the_same_whole_document()
    {
        await Host.FormPartnershipAsync("Contoso + Fabrikam", [await Host.RegisterOrganizationAsync("Contoso"), await Host.RegisterOrganizationAsync("Fabrikam")]);
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        await Host.GraphQLAsync("{ __typename }");
        using var recording = SqlCommandLog.Instance.Start();

        var response = await Host.GraphQLAsync("{ partnerships(first: 5) { edges { node { maturity { level evidence { eventId } } } } } }");

        Assert.Empty(response.Errors());
        var maturityReads = recording.DocumentCommands.Where(sql => sql.Contains("mt_doc_partnershipmaturity")).ToList();
        Assert.Single(maturityReads);
        // Its history comes along in the same round trip (used when it was derived with that version of the document).
        Assert.Contains("mt_doc_maturitytimeline", maturityReads[0]);
        Assert.Single(recording.DocumentCommands, sql => sql.Contains("mt_doc_maturitytimeline"));
    }
}
