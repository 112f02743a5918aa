using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using PartnershipLedger.Maturity;
using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.Maturity;

public sealed class MaturityQueryTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task<JsonElement> LeadsMaturityAsync(Guid partnership, string? asOf = null, string? knownAt = null)
    {
        var arguments = string.Join(", ", new[] { asOf is null ? null : $"asOf: \"{asOf}\"", knownAt is null ? null : $"knownAt: \"{knownAt}\"" }.Where(a => a is not null));
        var response = await Host.GraphQLAsync($"{{ partnership(id: \"{partnership}\") {{ maturity{(arguments == "" ? "" : $"({arguments})")} {{ function level evidencedLevel assessedLevel gap since evidence {{ type }} evidenceExpiresAt nextLevelNeeds }} }} }}");
        return response.Data("partnership").GetProperty("maturity").EnumerateArray().Single(f => f.GetProperty("function").GetString() == "LEADS_AND_PIPELINE");
    }

    [Fact]
    public async Task A_shared_lead_makes_leads_reactive_for_twelve_months_then_it_falls_back()
    {
        var p = await Host.FormPartnershipAsync();
        await Host.RecordAsync("shareLead", new { partnershipId = p.PartnershipId, fromOrganizationId = p.First, toOrganizationId = p.Second, customer = "Acad Group", interestExpressed = true, occurredAt = "2024-03-01T10:00:00Z" }, p.FirstUser);

        var before = await LeadsMaturityAsync(p.PartnershipId, asOf: "2024-02-28T00:00:00Z");
        var during = await LeadsMaturityAsync(p.PartnershipId, asOf: "2024-06-01T00:00:00Z");
        var lastMoment = await LeadsMaturityAsync(p.PartnershipId, asOf: "2025-03-01T09:59:59Z");
        var after = await LeadsMaturityAsync(p.PartnershipId, asOf: "2025-03-01T10:00:00Z");

        Assert.Equal("BASIC", before.GetProperty("level").GetString());
        Assert.Equal("REACTIVE", during.GetProperty("level").GetString());
        Assert.Equal("2024-03-01T10:00:00Z", during.GetProperty("since").GetString());
        Assert.Equal("LeadShared", during.GetProperty("evidence")[0].GetProperty("type").GetString());
        Assert.Equal("2025-03-01T10:00:00Z", during.GetProperty("evidenceExpiresAt").GetString());
        Assert.Equal("REACTIVE", lastMoment.GetProperty("level").GetString());
        Assert.Equal("BASIC", after.GetProperty("level").GetString());
        Assert.Equal("2025-03-01T10:00:00Z", after.GetProperty("since").GetString());
    }

    [Fact]
    public async Task As_of_a_past_instant_the_evidence_expires_as_the_record_stood_then_not_as_later_facts_renewed_it()
    {
        var p = await Host.FormPartnershipAsync();
        await Host.RecordAsync("shareLead", new { partnershipId = p.PartnershipId, fromOrganizationId = p.First, toOrganizationId = p.Second, customer = "Acad Group", interestExpressed = true, occurredAt = "2024-03-01T10:00:00Z" }, p.FirstUser);
        await Host.RecordAsync("shareLead", new { partnershipId = p.PartnershipId, fromOrganizationId = p.Second, toOrganizationId = p.First, customer = "Truck Range", interestExpressed = true, occurredAt = "2024-09-01T10:00:00Z" }, p.SecondUser);

        var beforeTheRenewal = await LeadsMaturityAsync(p.PartnershipId, asOf: "2024-06-01T00:00:00Z");
        var afterTheRenewal = await LeadsMaturityAsync(p.PartnershipId, asOf: "2024-10-01T00:00:00Z");

        Assert.Equal("2025-03-01T10:00:00Z", beforeTheRenewal.GetProperty("evidenceExpiresAt").GetString());
        Assert.Equal("2025-09-01T10:00:00Z", afterTheRenewal.GetProperty("evidenceExpiresAt").GetString());
    }

    [Fact]
    public async Task The_history_shows_the_rise_with_its_cause_and_the_expiry_without_one()
    {
        var p = await Host.FormPartnershipAsync();
        var lead = await Host.RecordedEventAsync("shareLead", new { partnershipId = p.PartnershipId, fromOrganizationId = p.First, toOrganizationId = p.Second, customer = "Acad Group", interestExpressed = true, occurredAt = "2024-03-01T10:00:00Z" }, p.FirstUser);

        var history = (await Host.GraphQLAsync($"{{ partnership(id: \"{p.PartnershipId}\") {{ maturityHistory(function: LEADS_AND_PIPELINE) {{ at from to basis causeEventId reason }} }} }}"))
            .Data("partnership").GetProperty("maturityHistory").EnumerateArray().ToList();

        Assert.Equal(3, history.Count);
        Assert.Equal(("2024-01-15T09:00:00Z", "BASIC"), (history[0].GetProperty("at").GetString(), history[0].GetProperty("to").GetString()));
        Assert.Equal(lead, history[1].GetProperty("causeEventId").GetGuid());
        Assert.Equal("REACTIVE", history[1].GetProperty("to").GetString());
        Assert.Equal("2025-03-01T10:00:00Z", history[2].GetProperty("at").GetString());
        Assert.Equal(JsonValueKind.Null, history[2].GetProperty("causeEventId").ValueKind);
        Assert.StartsWith("Evidence expired", history[2].GetProperty("reason").GetString());
        Assert.All(history, change => Assert.Equal("EVIDENCED", change.GetProperty("basis").GetString()));
    }

    [Fact]
    public async Task A_partnerships_own_trend_gives_its_level_at_each_quarter_end()
    {
        var p = await Host.FormPartnershipAsync();
        await Host.RecordAsync("shareLead", new { partnershipId = p.PartnershipId, fromOrganizationId = p.First, toOrganizationId = p.Second, customer = "Acad Group", interestExpressed = true, occurredAt = "2024-03-01T10:00:00Z" }, p.FirstUser);

        var trend = (await Host.GraphQLAsync($"{{ partnership(id: \"{p.PartnershipId}\") {{ maturityTrend(function: LEADS_AND_PIPELINE, from: \"2023-10-01T00:00:00Z\", to: \"2025-06-30T00:00:00Z\", interval: QUARTER) {{ periodEnd level ups downs }} }} }}"))
            .Data("partnership").GetProperty("maturityTrend").EnumerateArray().ToList();

        Assert.Equal(7, trend.Count);
        Assert.Equal(JsonValueKind.Null, trend[0].GetProperty("level").ValueKind);
        Assert.Equal(["REACTIVE", "REACTIVE", "REACTIVE", "REACTIVE", "BASIC", "BASIC"], trend.Skip(1).Select(point => point.GetProperty("level").GetString()));
        Assert.Equal(1, trend[5].GetProperty("downs").GetInt32());
    }

    [Fact]
    public async Task Assessed_and_evidenced_levels_stand_side_by_side_with_the_gap()
    {
        var p = await Host.FormPartnershipAsync();
        await Host.RecordAsync("shareLead", new { partnershipId = p.PartnershipId, fromOrganizationId = p.First, toOrganizationId = p.Second, customer = "Acad Group", interestExpressed = true }, p.FirstUser);
        await Host.RecordAsync("recordSelfAssessment", new { partnershipId = p.PartnershipId, organizationId = p.First, function = "LEADS_AND_PIPELINE", answers = Enumerable.Repeat(true, 12) }, p.FirstUser);

        var leads = await LeadsMaturityAsync(p.PartnershipId);

        Assert.Equal("REACTIVE", leads.GetProperty("evidencedLevel").GetString());
        Assert.Equal("DYNAMIC", leads.GetProperty("assessedLevel").GetString());
        Assert.Equal(2, leads.GetProperty("gap").GetInt32());
        Assert.Contains("campaign", leads.GetProperty("nextLevelNeeds").GetString());
    }

    [Fact]
    public async Task A_back_filled_fact_changes_the_answer_as_of_the_past_but_not_as_known_before_it_was_recorded()
    {
        var p = await Host.FormPartnershipAsync();
        var beforeRecording = DateTimeOffset.UtcNow.AddSeconds(-1).ToString("O");
        await Task.Delay(1100);
        await Host.RecordAsync("shareLead", new { partnershipId = p.PartnershipId, fromOrganizationId = p.First, toOrganizationId = p.Second, customer = "Acad Group", interestExpressed = true, occurredAt = "2024-03-01T10:00:00Z" }, p.FirstUser);

        var asKnownNow = await LeadsMaturityAsync(p.PartnershipId, asOf: "2024-06-01T00:00:00Z");
        var asKnownBefore = await LeadsMaturityAsync(p.PartnershipId, asOf: "2024-06-01T00:00:00Z", knownAt: beforeRecording);

        Assert.Equal("REACTIVE", asKnownNow.GetProperty("level").GetString());
        Assert.Equal("BASIC", asKnownBefore.GetProperty("level").GetString());
    }

    [Fact]
    public async Task A_retraction_lowers_the_level_but_the_ledger_as_known_before_it_still_shows_the_old_answer()
    {
        var p = await Host.FormPartnershipAsync();
        var lead = await Host.RecordedEventAsync("shareLead", new { partnershipId = p.PartnershipId, fromOrganizationId = p.First, toOrganizationId = p.Second, customer = "Acad Group", interestExpressed = true }, p.FirstUser);
        await Task.Delay(1100);
        var beforeRetraction = DateTimeOffset.UtcNow.AddMilliseconds(-500).ToString("O");
        await Host.RecordAsync("retractEvent", new { partnershipId = p.PartnershipId, eventId = lead, reason = "not a real lead" }, p.FirstUser);

        Assert.Equal("BASIC", (await LeadsMaturityAsync(p.PartnershipId)).GetProperty("level").GetString());
        Assert.Equal("REACTIVE", (await LeadsMaturityAsync(p.PartnershipId, knownAt: beforeRetraction)).GetProperty("level").GetString());
    }

    [Fact]
    public async Task A_partnership_whose_timeline_is_not_stored_is_answered_from_its_facts_and_gets_its_timeline_at_its_next_event()
    {
        var p = await PartnershipWithALeadAsync();
        var query = $"{{ partnership(id: \"{p.PartnershipId}\") {{ maturity(asOf: \"2024-06-01T00:00:00Z\") {{ function level since }} maturityHistory {{ function at from to reason }} }} " +
                    $"organization(id: \"{p.First}\") {{ evidencedMaturity {{ function level since }} }} }}";
        var stored = (await Host.GraphQLAsync(query)).ToString();
        Assert.Contains("REACTIVE", stored);
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            // As a maturity document written before timelines were stored would stand.
            session.Delete<MaturityTimeline>(p.PartnershipId);
            await session.SaveChangesAsync();
        }

        Assert.Equal(stored, (await Host.GraphQLAsync(query)).ToString());

        await Host.RecordAsync("holdPartnerMeeting", new { partnershipId = p.PartnershipId, inPerson = true, occurredAt = "2024-03-02T10:00:00Z" }, p.FirstUser);
        await using var query2 = store.QuerySession();
        var timeline = await query2.LoadAsync<MaturityTimeline>(p.PartnershipId);
        Assert.NotNull(timeline);
        Assert.Contains(timeline.History, change => change.To == PartnershipLedger.Model.MaturityLevel.Reactive);
    }

    [Fact]
    public async Task Levels_read_with_their_evidence_take_the_stored_history_of_the_same_version_and_derive_it_from_the_facts_otherwise()
    {
        var p = await PartnershipWithALeadAsync();
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        async Task<string?> LeadsLevelAsync() =>
            (await LeadsMaturityAsync(p.PartnershipId, asOf: "2024-06-01T00:00:00Z")).GetProperty("level").GetString();
        async Task StoreTimelineAsync(long version)
        {
            await using var session = store.LightweightSession();
            session.Store(new MaturityTimeline
            {
                Id = p.PartnershipId, Version = version, History = [], Rules = Host.Services.GetRequiredService<MaturityEvaluator>().RulesFingerprint,
            });
            await session.SaveChangesAsync();
        }
        Assert.Equal("REACTIVE", await LeadsLevelAsync());

        // A stored history of the document's version is the one read: here an empty one, stored by hand.
        await StoreTimelineAsync(version: 2);
        Assert.Equal("BASIC", await LeadsLevelAsync());

        // One of another version (a command recorded between the two reads) is not: the facts give the history.
        await StoreTimelineAsync(version: 1);
        Assert.Equal("REACTIVE", await LeadsLevelAsync());
    }

    [Fact]
    public async Task A_history_stored_under_other_rules_is_derived_again_under_the_rules_in_force()
    {
        var p = await PartnershipWithALeadAsync();
        // Levels alone (the timeline), and levels with their evidence (the whole document with its timeline).
        var query = $"{{ partnership(id: \"{p.PartnershipId}\") {{ maturity(asOf: \"2024-06-01T00:00:00Z\") {{ function level }} " +
                    $"withEvidence: maturity(asOf: \"2024-06-01T00:00:00Z\") {{ function level evidence {{ type }} }} maturityHistory(function: LEADS_AND_PIPELINE) {{ at to }} }} }}";
        static string? LeadsLevel(JsonElement answer, string field = "maturity") => answer.Data("partnership").GetProperty(field).EnumerateArray()
            .Single(f => f.GetProperty("function").GetString() == "LEADS_AND_PIPELINE").GetProperty("level").GetString();
        var stored = await Host.GraphQLAsync(query);
        Assert.Equal("REACTIVE", LeadsLevel(stored));   // the lead counts for twelve months
        Assert.Equal("REACTIVE", LeadsLevel(stored, "withEvidence"));

        // The same ledger served with a one-month look-back: the stored history (twelve months) is not the answer.
        await using var shorter = await AppFixture.StartAsync(("Maturity:LookBack", "P1M"));
        var answer = await shorter.GraphQLAsync(query);

        Assert.Equal("BASIC", LeadsLevel(answer));
        Assert.Equal("BASIC", LeadsLevel(answer, "withEvidence"));
        Assert.Contains("2024-04-01T10:00:00Z", answer.Data("partnership").GetProperty("maturityHistory").ToString());   // expired after a month
    }

    [Fact]
    public async Task A_stored_history_keeps_each_changes_cause_and_its_reasons_are_worded_when_read()
    {
        var p = await PartnershipWithALeadAsync();
        await Host.RecordAsync("recordSelfAssessment", new { partnershipId = p.PartnershipId, organizationId = p.First, function = "LEADS_AND_PIPELINE", answers = Enumerable.Repeat(true, 12) }, p.FirstUser);

        var history = (await Host.GraphQLAsync($"{{ partnership(id: \"{p.PartnershipId}\") {{ maturityHistory(function: LEADS_AND_PIPELINE) {{ basis to reason }} }} }}"))
            .Data("partnership").GetProperty("maturityHistory").EnumerateArray().Select(change => change.GetProperty("reason").GetString()).ToList();
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var stored = await session.Json.FindByIdAsync<MaturityTimeline>(p.PartnershipId);

        var rule = Evidence.Evaluator.Rules.For(PartnershipLedger.Model.BusinessFunction.LeadsAndPipeline)[0].Description;
        Assert.Equal(["Partnership formed: no evidence yet", $"LeadShared brought evidence of REACTIVE: {rule}",
            $"Evidence expired: {rule} no longer within its window", $"Self-assessment by {p.First}: 12 yes, DYNAMIC"], history);
        Assert.Contains(" LeadShared\"", stored);                 // the cause closes the change's stored string
        Assert.Contains($" {p.First} 12 DYNAMIC\"", stored);       // who assessed, the yes count, the level
        Assert.DoesNotContain("Reason", stored);
        Assert.DoesNotContain(rule, stored);
    }

    /// <summary>A partnership with a lead shared on 1 March 2024: leads and pipeline REACTIVE for the next twelve months.</summary>
    private async Task<TwoPartners> PartnershipWithALeadAsync()
    {
        var p = await Host.FormPartnershipAsync();
        await Host.RecordAsync("shareLead", new { partnershipId = p.PartnershipId, fromOrganizationId = p.First, toOrganizationId = p.Second, customer = "Acad Group", interestExpressed = true, occurredAt = "2024-03-01T10:00:00Z" }, p.FirstUser);
        return p;
    }
}
