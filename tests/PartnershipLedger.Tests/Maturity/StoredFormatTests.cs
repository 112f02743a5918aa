using System.Text;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using PartnershipLedger.Maturity;
using PartnershipLedger.Model;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.Maturity;

/// <summary>
/// Documents change their stored form (timeline changes and trend contributions as compact strings, once objects with
/// nulls and defaults) and gain optional fields (an agreement's expiry): documents stored either way read the same
/// with the store's own serializer.
/// </summary>
public sealed class StoredFormatTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private ISerializer Serializer => Host.Services.GetRequiredService<IDocumentStore>().Options.Serializer();

    private T Read<T>(string json) => Serializer.FromJson<T>(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void A_timeline_stored_as_objects_with_their_nulls_and_basis_reads_as_one_stored_as_strings()
    {
        var stored = Read<MaturityTimeline>(
            """{"Id":"01a21068-b579-7521-8083-cc2f541a91be","Version":3,"Rules":"R","History":[{"At":"2024-09-09T12:45:00+00:00","To":0,"From":null,"Basis":0,"Function":5,"Cause":"PartnershipFormed","CauseEventId":null},{"At":"2024-10-09T12:45:00+00:00","To":1,"From":0,"Basis":1,"Function":2,"CauseEventId":"01a21068-bccd-7517-8586-03e938265837"}]}""");

        var written = Serializer.ToJson(stored);
        var again = Read<MaturityTimeline>(written);

        Assert.Equal(stored.History, again.History);
        Assert.Null(again.History[0].From);
        Assert.Equal(MaturityBasis.Evidenced, again.History[0].Basis);
        Assert.Equal(MaturityBasis.Assessed, again.History[1].Basis);
        Assert.Contains("""["2024-09-09T12:45:00+00:00 5 - 0 - - PartnershipFormed","2024-10-09T12:45:00+00:00 2 0 1 1 01a21068-bccd-7517-8586-03e938265837"]""", written);
    }

    [Fact]
    public void Changes_read_back_as_written_whether_they_fit_a_string_or_not()
    {
        var at = new DateTimeOffset(2025, 3, 1, 9, 30, 15, TimeSpan.FromHours(2)).AddTicks(1234567);
        MaturityChange[] changes =
        [
            new(BusinessFunction.CustomerRelationshipsAndSatisfaction, at, null, MaturityLevel.Basic, MaturityBasis.Evidenced, null),
            new(BusinessFunction.SalesCompensation, at, MaturityLevel.Dynamic, MaturityLevel.Proactive, MaturityBasis.Evidenced, null),   // evidence expired
            new(BusinessFunction.JointBusinessPlanning, at, MaturityLevel.Basic, MaturityLevel.Reactive, MaturityBasis.Assessed, Guid.NewGuid(),
                Assessment: new SelfAssessed(Guid.NewGuid().ToString(), "4", "REACTIVE")),
            // Fields a string cannot hold as they are: a space, an empty assessment field, the absent marker.
            new(BusinessFunction.LeadsAndPipeline, at, null, MaturityLevel.Reactive, MaturityBasis.Evidenced, Guid.NewGuid(), "Lead shared"),
            new(BusinessFunction.LeadsAndPipeline, at, null, MaturityLevel.Reactive, MaturityBasis.Assessed, Guid.NewGuid(), Assessment: new SelfAssessed("org", "", "BASIC")),
            new(BusinessFunction.LeadsAndPipeline, at, null, MaturityLevel.Reactive, MaturityBasis.Evidenced, Guid.NewGuid(), "-"),
            new(BusinessFunction.LeadsAndPipeline, at, null, MaturityLevel.Reactive, MaturityBasis.Assessed, Guid.NewGuid(), Assessment: new SelfAssessed(null!, "4", "BASIC")),
            new(BusinessFunction.LeadsAndPipeline, at, null, MaturityLevel.Reactive, MaturityBasis.Evidenced, Guid.NewGuid(), "Next\u0085line"),
            // Fields a string holds: one longer than the converter's stack buffer, one with characters beyond ASCII.
            new(BusinessFunction.Geography, at, null, MaturityLevel.Reactive, MaturityBasis.Evidenced, Guid.NewGuid(), new string('C', 300)),
            new(BusinessFunction.Geography, at, null, MaturityLevel.Reactive, MaturityBasis.Evidenced, Guid.NewGuid(), "RéunionÉté"),
            // Whole seconds with offsets either side of UTC, and an early year.
            new(BusinessFunction.Agreement, new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.FromMinutes(-330)), null, MaturityLevel.Basic, MaturityBasis.Evidenced, null),
            new(BusinessFunction.Agreement, new DateTimeOffset(987, 12, 31, 23, 59, 59, TimeSpan.FromHours(14)), null, MaturityLevel.Basic, MaturityBasis.Evidenced, null),
            new(BusinessFunction.Agreement, new DateTimeOffset(2025, 6, 7, 8, 9, 10, TimeSpan.FromMinutes(-30)), null, MaturityLevel.Basic, MaturityBasis.Evidenced, null),
            new(BusinessFunction.Agreement, new DateTimeOffset(2025, 6, 7, 8, 9, 10, TimeSpan.FromMinutes(-30)).AddTicks(5), null, MaturityLevel.Basic, MaturityBasis.Evidenced, null),
            new(BusinessFunction.Agreement, new DateTimeOffset(2025, 6, 7, 8, 9, 10, TimeSpan.Zero), null, MaturityLevel.Basic, MaturityBasis.Evidenced, null),
        ];
        var timeline = new MaturityTimeline { Id = Guid.NewGuid(), History = [.. changes] };

        var written = Serializer.ToJson(timeline);
        var again = Read<MaturityTimeline>(written);

        Assert.Equal(changes, again.History);
        Assert.Equal(at.Offset, again.History[0].At.Offset);
        Assert.Contains("\"2025-03-01T09:30:15.1234567+02:00 9 - 0\"", written);
        Assert.Contains("\"Cause\":\"Lead shared\"", written);
        Assert.Contains(" " + new string('C', 300) + "\"", written);
        Assert.Contains(" RéunionÉté\"", written);
        Assert.Contains($"\"2025-01-02T03:04:05-05:30 {(int)BusinessFunction.Agreement} - 0\"", written);
        Assert.Contains($"\"0987-12-31T23:59:59+14:00 {(int)BusinessFunction.Agreement} - 0\"", written);
        // Each as the store writes it (the format the strings were made with before): whole seconds without a fraction, others as "O".
        foreach (var change in changes.Where(change => change.Function == BusinessFunction.Agreement))
            Assert.Contains($"\"{change.At.ToString(change.At.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:sszzz" : "O", System.Globalization.CultureInfo.InvariantCulture)} {(int)BusinessFunction.Agreement} - 0\"", written);
        Assert.Contains("\"2025-06-07T08:09:10.0000005-00:30 ", written);
    }

    [Fact]
    public void Maturity_facts_stored_as_objects_read_as_facts_stored_as_arrays()
    {
        var stored = Read<PartnershipMaturity>(
            """{"Id":"01a21068-b579-7521-8083-cc2f541a91be","Facts":[{"Data":{"inPerson":true},"Type":"PartnerMeetingHeld","EventId":"01a21068-bccd-7517-8586-03e938265837","OccurredAt":"2024-05-24T16:00:00+00:00","RecordedAt":"2026-11-25T04:01:50.62166+00:00"},{"Data":{},"Type":"LeadShared","EventId":"01a21068-bccd-7517-8586-03e938265838","OccurredAt":"2024-06-24T16:30:00+02:00","RecordedAt":"2026-11-25T04:01:50.62166+00:00","RetractedAt":"2026-11-26T08:00:00+00:00"}]}""");

        var written = Serializer.ToJson(stored);
        var again = Read<PartnershipMaturity>(written);

        Assert.Contains("""["01a21068-bccd-7517-8586-03e938265837","PartnerMeetingHeld","2024-05-24T16:00:00+00:00","2026-11-25T04:01:50.62166+00:00",{"inPerson":true}]""", written);
        // Recorded with the fact before it (one import): its recording instant is stored as null.
        Assert.Contains("""["01a21068-bccd-7517-8586-03e938265838","LeadShared","2024-06-24T16:30:00+02:00",null,{},"2026-11-26T08:00:00+00:00"]""", written);
        Assert.Equal(2, again.Facts.Count);
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal((stored.Facts[i].EventId, stored.Facts[i].Type, stored.Facts[i].OccurredAt, stored.Facts[i].RecordedAt, stored.Facts[i].RetractedAt),
                (again.Facts[i].EventId, again.Facts[i].Type, again.Facts[i].OccurredAt, again.Facts[i].RecordedAt, again.Facts[i].RetractedAt));
            Assert.Equal(stored.Facts[i].Data.GetRawText(), again.Facts[i].Data.GetRawText());
        }
        Assert.Null(again.Facts[0].RetractedAt);
        Assert.Equal(TimeSpan.FromHours(2), again.Facts[1].OccurredAt.Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero), again.Facts[1].RetractedAt);
    }

    [Fact]
    public void A_recording_instant_is_left_out_only_when_it_is_exactly_the_fact_befores_and_reads_back_as_it()
    {
        var recorded = new DateTimeOffset(2026, 11, 25, 4, 1, 50, TimeSpan.Zero).AddTicks(6216);
        var data = System.Text.Json.JsonDocument.Parse("{}").RootElement;
        MaturityFact Fact(DateTimeOffset recordedAt) => new(Guid.NewGuid(), "PartnerMeetingHeld", recorded.AddYears(-2), recordedAt, data);
        var document = new PartnershipMaturity
        {
            Id = Guid.NewGuid(),
            Facts = [Fact(recorded), Fact(recorded), Fact(recorded.ToOffset(TimeSpan.FromHours(1))), Fact(recorded.AddTicks(10)), Fact(recorded.AddTicks(10))],
        };

        var written = Serializer.ToJson(document);
        var again = Read<PartnershipMaturity>(written);

        // The same instant at another offset is written out, so that it reads back with its offset.
        Assert.Equal(2, written.Split(",null,").Length - 1);
        Assert.Equal(document.Facts.Select(fact => (fact.RecordedAt, fact.RecordedAt.Offset)), again.Facts.Select(fact => (fact.RecordedAt, fact.RecordedAt.Offset)));
        // A list whose first fact leaves it out is refused rather than read with some instant.
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => Read<PartnershipMaturity>(
            """{"Id":"01a21068-b579-7521-8083-cc2f541a91be","Facts":[["01a21068-bccd-7517-8586-03e938265837","PartnerMeetingHeld","2024-05-24T16:00:00+00:00",null,{}]]}"""));
    }

    [Fact]
    public void A_trend_contribution_stored_as_objects_with_zero_moves_and_IsZero_reads_as_one_stored_as_strings()
    {
        var stored = Read<PartnershipTrendContribution>(
            """{"Id":"01a21068-b579-7521-8083-cc2f541a91be","Buckets":{"AGREEMENT:2024-09":{"Net":[0,1,0,0],"Ups":1,"Downs":0,"IsZero":false},"GEOGRAPHY:2024-09":{"Net":[1,0,0,0],"Ups":0,"Downs":0,"IsZero":false}}}""");

        var written = Serializer.ToJson(stored);
        var again = Read<PartnershipTrendContribution>(written);

        Assert.Equal([0, 1, 0, 0], again.Buckets["AGREEMENT:2024-09"].Net);
        Assert.Equal((1, 0), (again.Buckets["AGREEMENT:2024-09"].Ups, again.Buckets["AGREEMENT:2024-09"].Downs));
        Assert.Equal((0, 0), (again.Buckets["GEOGRAPHY:2024-09"].Ups, again.Buckets["GEOGRAPHY:2024-09"].Downs));
        Assert.Contains("""{"AGREEMENT:2024-09":"0 1 0 0 1","GEOGRAPHY:2024-09":"1 0 0 0"}""", written);
        var downOnly = Read<PartnershipTrendContribution>(Serializer.ToJson(new PartnershipTrendContribution
        {
            Id = Guid.NewGuid(), Buckets = { ["AGREEMENT:2027-05"] = new() { Net = [1, 0, 0, -1], Downs = 1 } },
        })).Buckets["AGREEMENT:2027-05"];
        Assert.Equal([1, 0, 0, -1], downOnly.Net);
        Assert.Equal((0, 1), (downOnly.Ups, downOnly.Downs));
        // Not four net counts: stored as an object, read back as it was.
        var odd = Read<PartnershipTrendContribution>(Serializer.ToJson(new PartnershipTrendContribution
        {
            Id = Guid.NewGuid(), Buckets = { ["GEOGRAPHY:2027-05"] = new() { Net = [1, 2, 3, 4, 5], Ups = 2 } },
        })).Buckets["GEOGRAPHY:2027-05"];
        Assert.Equal([1, 2, 3, 4, 5], odd.Net);
        Assert.Equal(2, odd.Ups);
    }

    [Fact]
    public void A_decision_states_facts_stored_as_objects_read_as_facts_stored_as_strings()
    {
        var (lead, acceptance, plan) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var state = Read<Partnership>(
            """{"Id":"PARTNERSHIP","Facts":{"LEAD":{"Type":"LeadShared","OccurredAt":"2024-11-05T08:30:00+00:00"},"ACCEPTANCE":{"Type":"LeadAccepted","OccurredAt":"2024-12-30T09:00:00.5+01:00","Subject":"LEAD"},"PLAN":{"Type":"JointPlanCreated","OccurredAt":"2024-08-07T08:15:00+00:00","Retracted":true}}}"""
                .Replace("PARTNERSHIP", Guid.NewGuid().ToString()).Replace("ACCEPTANCE", acceptance.ToString()).Replace("LEAD", lead.ToString()).Replace("PLAN", plan.ToString()));

        var written = Serializer.ToJson(state);
        var again = Read<Partnership>(written);

        Assert.Equal(state.Facts, again.Facts);
        Assert.Equal(new Partnership.Fact("LeadAccepted", new DateTimeOffset(2024, 12, 30, 9, 0, 0, 500, TimeSpan.FromHours(1)), lead), again.Facts[acceptance]);
        Assert.Equal(TimeSpan.FromHours(1), again.Facts[acceptance].OccurredAt.Offset);
        Assert.Contains($"\"{acceptance}\":\"LeadAccepted 2024-12-30T09:00:00.5000000+01:00 {lead}\"", written);
        Assert.True(again.Facts[plan].Retracted);
        Assert.Contains($"\"{lead}\":\"LeadShared 2024-11-05T08:30:00+00:00\"", written);
        Assert.Contains($"\"{plan}\":\"JointPlanCreated 2024-08-07T08:15:00+00:00 - retracted\"", written);
    }

    [Fact]
    public void An_agreement_stored_before_its_expiry_was_kept_never_expires_until_a_rebuild()
    {
        var agreementId = Guid.NewGuid();
        var state = Read<Partnership>(
            """{"Id":"PARTNERSHIP","Agreements":{"AGREEMENT":{"Kind":2,"SignedAt":"2024-03-01T12:00:00+00:00","ReviewedAt":[],"Terminated":false,"OverdueSince":[]}}}"""
                .Replace("PARTNERSHIP", Guid.NewGuid().ToString()).Replace("AGREEMENT", agreementId.ToString()));

        var agreement = state.Agreements[agreementId];

        Assert.Null(agreement.ExpiresOn);
        Assert.True(agreement.InForceAt(DateTimeOffset.MaxValue));
        Assert.DoesNotContain("ExpiresOn", Serializer.ToJson(state));
        Assert.False((agreement with { ExpiresOn = new DateOnly(2025, 2, 28) }).InForceAt(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.True((agreement with { ExpiresOn = DateOnly.MaxValue }).InForceAt(DateTimeOffset.MaxValue.AddTicks(-1)));
    }
}
