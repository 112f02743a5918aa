using System.Text;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using PartnershipLedger.Maturity;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.Maturity;

/// <summary>
/// Documents leave out nulls and defaults that were once written (timeline changes, trend contributions) and keep new
/// optional fields (an agreement's expiry): documents stored either way read the same with the store's own serializer.
/// </summary>
public sealed class StoredFormatTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private ISerializer Serializer => Host.Services.GetRequiredService<IDocumentStore>().Options.Serializer();

    private T Read<T>(string json) => Serializer.FromJson<T>(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void A_timeline_stored_with_its_nulls_and_basis_reads_as_one_stored_without_them()
    {
        var stored = Read<MaturityTimeline>(
            """{"Id":"01a21068-b579-7521-8083-cc2f541a91be","Version":3,"Rules":"R","History":[{"At":"2024-09-09T12:45:00+00:00","To":0,"From":null,"Basis":0,"Function":5,"Cause":"PartnershipFormed","CauseEventId":null},{"At":"2024-10-09T12:45:00+00:00","To":1,"From":0,"Basis":1,"Function":2,"CauseEventId":"01a21068-bccd-7517-8586-03e938265837"}]}""");

        var written = Serializer.ToJson(stored);
        var again = Read<MaturityTimeline>(written);

        Assert.Equal(stored.History, again.History);
        Assert.Null(again.History[0].From);
        Assert.Equal(MaturityBasis.Evidenced, again.History[0].Basis);
        Assert.Equal(MaturityBasis.Assessed, again.History[1].Basis);
        Assert.DoesNotContain("\"From\":null", written);
        Assert.DoesNotContain("\"CauseEventId\":null", written);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(written, "\"Basis\""));   // only the assessed change's
    }

    [Fact]
    public void A_trend_contribution_stored_with_its_zero_moves_and_IsZero_reads_as_one_stored_without_them()
    {
        var stored = Read<PartnershipTrendContribution>(
            """{"Id":"01a21068-b579-7521-8083-cc2f541a91be","Buckets":{"AGREEMENT:2024-09":{"Net":[0,1,0,0],"Ups":1,"Downs":0,"IsZero":false},"GEOGRAPHY:2024-09":{"Net":[1,0,0,0],"Ups":0,"Downs":0,"IsZero":false}}}""");

        var written = Serializer.ToJson(stored);
        var again = Read<PartnershipTrendContribution>(written);

        Assert.Equal([0, 1, 0, 0], again.Buckets["AGREEMENT:2024-09"].Net);
        Assert.Equal((1, 0), (again.Buckets["AGREEMENT:2024-09"].Ups, again.Buckets["AGREEMENT:2024-09"].Downs));
        Assert.Equal((0, 0), (again.Buckets["GEOGRAPHY:2024-09"].Ups, again.Buckets["GEOGRAPHY:2024-09"].Downs));
        Assert.DoesNotContain("IsZero", written);
        Assert.DoesNotContain("\"Downs\"", written);
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
