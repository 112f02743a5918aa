using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using PartnershipLedger.Maturity;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Tests.Hosting;
using static PartnershipLedger.Tests.Maturity.Evidence;

namespace PartnershipLedger.Tests.Maturity;

/// <summary>
/// A maturity fact keeps only the fields of its event that the evidence rules and the readers of facts use, so the
/// maturity document stays a fraction of the events it is built from.
/// </summary>
public sealed class MaturityFactTests
{
    private static readonly DateTimeOffset At = new(2024, 6, 1, 9, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<string> FieldsOf(JsonElement data) => data.EnumerateObject().Select(field => field.Name).Order().ToList();

    [Fact]
    public void A_fact_keeps_the_fields_the_rules_test_and_the_readers_use_and_nothing_else()
    {
        var fields = Evaluator.FactFields;

        // horizon and kpis: tested by the planning rules; title: read for agreements, kept by name. No partnership id
        // nor business time (the fact has its own), no null.
        Assert.Equal(["horizon", "kpis", "title"], FieldsOf(fields.Of(new JointPlanCreated(PartnershipId, JointPlanHorizon.Activity, "Sprint plan", ["3 wins"], At))));
        Assert.Equal(["horizon", "kpis"], FieldsOf(fields.Of(new JointPlanCreated(PartnershipId, JointPlanHorizon.AdHoc, null, [], At))));
        // inPerson is tested; the topic is free text no rule reads.
        Assert.Equal(["inPerson"], FieldsOf(fields.Of(new PartnerMeetingHeld(PartnershipId, true, "Account mapping", At))));
        // campaign is tested, fromOrganizationId counted distinct; the customer, interest and value are not read.
        var lead = fields.Of(new LeadShared(PartnershipId, Contoso, Fabrikam, "Acad Group", true, 5000m, "Copilot", At));
        Assert.Equal(["campaign", "fromOrganizationId", "toOrganizationId"], FieldsOf(lead));
        Assert.Equal("Copilot", lead.GetProperty("campaign").GetString());
        Assert.Equal(Contoso, lead.GetProperty("fromOrganizationId").GetGuid());
    }

    [Fact]
    public void A_field_a_changed_rule_starts_testing_is_kept()
    {
        var shipped = File.ReadAllText(RepositoryFiles.Schema("evidence-rules.json"));
        var changed = shipped.Replace("\"events\": [\"PartnerMeetingHeld\", \"JointPlanCreated\"]", "\"events\": [\"PartnerMeetingHeld\"], \"where\": {\"topic\": {\"present\": true}}");
        Assert.NotEqual(shipped, changed);
        var meeting = new PartnerMeetingHeld(PartnershipId, true, "Account mapping", At);

        var fields = new MaturityEvaluator(EvidenceRulesLoader.Parse(changed)).FactFields;

        Assert.Contains("topic", fields.Names);
        Assert.Equal("Account mapping", fields.Of(meeting).GetProperty("topic").GetString());
        Assert.DoesNotContain("topic", Evaluator.FactFields.Names);
    }

    [Fact]
    public void A_standing_fact_is_stored_without_a_retraction_or_its_derived_level()
    {
        var document = new MaturityDocument();

        var json = new Marten.Services.SystemTextJsonSerializer().ToJson(document.Document.Facts[0]);   // as Marten stores it

        Assert.DoesNotContain("RetractedAt", json);
        Assert.DoesNotContain("\"Level\"", json);
        Assert.Contains("memberIds", json);
    }
}

/// <summary>
/// A maturity document whose facts were kept for other evidence rules is folded again from its events at its
/// partnership's next event, so a field the rules test now reaches the facts recorded before.
/// </summary>
public sealed class MaturityFactFoldTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task A_document_kept_for_other_rules_is_folded_again_at_the_next_event()
    {
        var partnership = await Host.FormPartnershipAsync();
        var meeting = await Host.RecordedEventAsync("holdPartnerMeeting", new { partnershipId = partnership.PartnershipId, inPerson = true }, partnership.FirstUser);
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        // As if folded under rules that did not test inPerson: the meeting's fact lacks it.
        await using (var session = store.LightweightSession())
        {
            var stale = (await session.LoadAsync<PartnershipMaturity>(partnership.PartnershipId))!;
            var index = stale.Facts.FindIndex(fact => fact.EventId == meeting);
            stale.Facts[index] = stale.Facts[index] with { Data = JsonDocument.Parse("{}").RootElement };
            stale.KeptFields = "campaign,horizon";
            session.Store(stale);
            await session.SaveChangesAsync();
        }

        await Host.RecordAsync("holdPartnerMeeting", new { partnershipId = partnership.PartnershipId, inPerson = false }, partnership.SecondUser);

        await using var query = store.QuerySession();
        var folded = (await query.LoadAsync<PartnershipMaturity>(partnership.PartnershipId))!;
        Assert.Equal(Evaluator.FactFields.Fingerprint, folded.KeptFields);
        Assert.True(folded.Facts.Single(fact => fact.EventId == meeting).Data.GetProperty("inPerson").GetBoolean());
        Assert.Equal(folded.Version, folded.Facts.Count);
        Assert.Equal(2, folded.Facts.Count(fact => fact.Type == nameof(PartnerMeetingHeld)));
    }
}
