using Marten;
using Microsoft.Extensions.DependencyInjection;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.Partnerships;

/// <summary>Corrections, not edits: a retraction is a new event; the audit shows both.</summary>
public sealed class RetractionTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private static object Survey(TwoPartners p) => new
    {
        partnershipId = p.PartnershipId, customer = "Acad Group", project = "Intranet", projectNumber = "P-17",
        answers = new[] { "AS_EXPECTED", "MORE_THAN_EXPECTED", "AS_EXPECTED", "CONSISTENTLY_MORE", "AS_EXPECTED", "LESS_THAN_EXPECTED" },
    };

    [Fact]
    public async Task A_mistaken_fact_is_retracted_and_both_stay_in_the_timeline()
    {
        var partnership = await Host.FormPartnershipAsync();
        var survey = await Host.RecordedEventAsync("logCsatSurvey", Survey(partnership), partnership.FirstUser);

        var response = await Host.RecordAsync("retractEvent", new { partnershipId = partnership.PartnershipId, eventId = survey, reason = "logged on the wrong partnership" }, partnership.SecondUser);

        Assert.Equal(3, response.Data("retractEvent").GetProperty("version").GetInt32());
        var timeline = await Host.TimelineAsync(partnership.PartnershipId);
        Assert.Equal(["PartnershipFormed", "CsatSurveyLogged", "EventRetracted"], timeline.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal(survey, timeline[2].GetProperty("retractsEventId").GetGuid());
        Assert.Contains("logged on the wrong partnership", timeline[2].GetProperty("summary").GetString());
    }

    [Fact]
    public async Task A_fact_is_retracted_only_once()
    {
        var partnership = await Host.FormPartnershipAsync();
        var meeting = await Host.RecordedEventAsync("holdPartnerMeeting", new { partnershipId = partnership.PartnershipId, inPerson = true }, partnership.FirstUser);
        await Host.RecordAsync("retractEvent", new { partnershipId = partnership.PartnershipId, eventId = meeting, reason = "never happened" }, partnership.FirstUser);

        var again = await Host.RecordAsync("retractEvent", new { partnershipId = partnership.PartnershipId, eventId = meeting, reason = "still never happened" }, partnership.FirstUser);

        Assert.Contains("already retracted", again.SingleError("VALIDATION").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Only_facts_of_the_same_partnership_can_be_retracted()
    {
        var partnership = await Host.FormPartnershipAsync();
        var other = await Host.RecordAsync("formPartnership", new { name = "Other", memberIds = new[] { partnership.First, partnership.Second } }, partnership.FirstUser);
        var otherId = other.Data("formPartnership").GetProperty("partnership").GetProperty("id").GetGuid();
        var elsewhere = await Host.RecordedEventAsync("holdPartnerMeeting", new { partnershipId = otherId, inPerson = true }, partnership.FirstUser);

        var response = await Host.RecordAsync("retractEvent", new { partnershipId = partnership.PartnershipId, eventId = elsewhere, reason = "x" }, partnership.FirstUser);

        Assert.Equal("eventId", response.SingleError("VALIDATION").Field());
    }

    [Fact]
    public async Task Lifecycle_facts_are_not_retracted()
    {
        var partnership = await Host.FormPartnershipAsync();
        var formed = (await Host.TimelineAsync(partnership.PartnershipId))[0].GetProperty("eventId").GetGuid();

        var response = await Host.RecordAsync("retractEvent", new { partnershipId = partnership.PartnershipId, eventId = formed, reason = "x" }, partnership.FirstUser);

        Assert.Contains("cannot be retracted", response.SingleError("VALIDATION").GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_fact_that_later_facts_build_on_is_retracted_after_them()
    {
        var partnership = await Host.FormPartnershipAsync();
        var id = partnership.PartnershipId;
        var lead = await Host.RecordedEventAsync("shareLead",
            new { partnershipId = id, fromOrganizationId = partnership.First, toOrganizationId = partnership.Second, customer = "Queens Mass Moving", interestExpressed = true }, partnership.FirstUser);
        var accepted = await Host.RecordedEventAsync("acceptLead", new { partnershipId = id, leadId = lead }, partnership.SecondUser);

        var refused = await Host.RecordAsync("retractEvent", new { partnershipId = id, eventId = lead, reason = "duplicate" }, partnership.FirstUser);
        await Host.RecordAsync("retractEvent", new { partnershipId = id, eventId = accepted, reason = "duplicate" }, partnership.SecondUser);
        var retracted = await Host.RecordAsync("retractEvent", new { partnershipId = id, eventId = lead, reason = "duplicate" }, partnership.FirstUser);

        Assert.Contains(accepted.ToString(), refused.SingleError("VALIDATION").GetProperty("message").GetString());
        Assert.Equal(5, retracted.Data("retractEvent").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_retraction_needs_a_reason()
    {
        var partnership = await Host.FormPartnershipAsync();
        var meeting = await Host.RecordedEventAsync("holdPartnerMeeting", new { partnershipId = partnership.PartnershipId, inPerson = true }, partnership.FirstUser);

        var response = await Host.RecordAsync("retractEvent", new { partnershipId = partnership.PartnershipId, eventId = meeting, reason = "" }, partnership.FirstUser);

        Assert.Equal("reason", response.SingleError("VALIDATION").Field());
    }

    [Fact]
    public async Task The_decision_state_stores_a_facts_subject_and_retraction_only_when_set_and_reads_them_back()
    {
        var partnership = await Host.FormPartnershipAsync();
        var meeting = await Host.RecordedEventAsync("holdPartnerMeeting", new { partnershipId = partnership.PartnershipId, inPerson = true }, partnership.FirstUser);
        await Host.RecordAsync("retractEvent", new { partnershipId = partnership.PartnershipId, eventId = meeting, reason = "never happened" }, partnership.FirstUser);

        var store = Host.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.QuerySession();
        var stored = await session.Json.FindByIdAsync<Partnership>(partnership.PartnershipId);
        var facts = System.Text.Json.JsonDocument.Parse(stored!).RootElement.GetProperty("Facts").EnumerateObject().ToDictionary(p => Guid.Parse(p.Name), p => p.Value.GetString()!);
        Assert.Equal(3, facts.Count);
        Assert.Matches(@"^PartnerMeetingHeld \S+ - retracted$", facts[meeting]);
        Assert.All(facts.Where(fact => fact.Key != meeting), fact => Assert.Equal(2, fact.Value.Split(' ').Length));   // type and instant only
        var state = await session.LoadAsync<Partnership>(partnership.PartnershipId);
        Assert.True(state!.Facts[meeting].Retracted);
        Assert.Equal(2, state.Facts.Values.Count(fact => !fact.Retracted && fact.Subject is null));
    }
}
