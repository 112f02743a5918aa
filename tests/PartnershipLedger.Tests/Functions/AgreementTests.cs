using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.Functions;

public sealed class AgreementTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task An_agreement_is_signed_reviewed_and_terminated()
    {
        var partnership = await Host.FormPartnershipAsync();
        var id = partnership.PartnershipId;

        var mou = await Host.RecordedEventAsync("signAgreement",
            new { partnershipId = id, kind = "MOU", title = "Nordic MOU", effectiveFrom = "2024-02-01", expiresOn = "2026-01-31", occurredAt = "2024-01-20T12:00:00Z" }, partnership.FirstUser);
        await Host.RecordAsync("reviewAgreement", new { partnershipId = id, occurredAt = "2025-01-10T12:00:00Z" }, partnership.SecondUser);
        await Host.RecordAsync("terminateAgreement", new { partnershipId = id, agreementId = mou, reason = "replaced by a partnership agreement" }, partnership.FirstUser);
        var reviewTerminated = await Host.RecordAsync("reviewAgreement", new { partnershipId = id, agreementId = mou }, partnership.SecondUser);

        Assert.Contains("terminated", reviewTerminated.SingleError("VALIDATION").GetProperty("message").GetString());
        var timeline = (await Host.TimelineAsync(id)).Where(e => e.GetProperty("actor").GetString() != "ledger").ToList();
        Assert.Equal(["PartnershipFormed", "AgreementSigned", "AgreementReviewed", "AgreementTerminated"], timeline.Select(e => e.GetProperty("type").GetString()));
        Assert.Contains("Mou signed (Nordic MOU), until 2026-01-31", timeline[1].GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Dates_out_of_order_are_refused()
    {
        var partnership = await Host.FormPartnershipAsync();

        var response = await Host.RecordAsync("signAgreement",
            new { partnershipId = partnership.PartnershipId, kind = "NDA", effectiveFrom = "2025-02-01", expiresOn = "2025-01-01", occurredAt = "2024-06-01T12:00:00Z" }, partnership.FirstUser);

        Assert.Contains("before effectiveFrom", response.SingleError("VALIDATION").GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_agreement_already_expired_when_signed_is_refused()
    {
        var partnership = await Host.FormPartnershipAsync();

        var response = await Host.RecordAsync("signAgreement",
            new { partnershipId = partnership.PartnershipId, kind = "NDA", expiresOn = "2024-05-01", occurredAt = "2024-06-01T12:00:00Z" }, partnership.FirstUser);

        Assert.Equal("expiresOn", response.SingleError("VALIDATION").Field());
    }

    [Fact]
    public async Task A_review_needs_an_agreement_in_force()
    {
        var partnership = await Host.FormPartnershipAsync();

        var response = await Host.RecordAsync("reviewAgreement", new { partnershipId = partnership.PartnershipId }, partnership.FirstUser);

        Assert.Contains("no agreement in force", response.SingleError("VALIDATION").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Signing_or_reviewing_an_agreement_that_expires_before_its_review_falls_due_schedules_no_reminder()
    {
        var partnership = await Host.FormPartnershipAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var expiring = await Host.RecordedEventAsync("signAgreement",
            new { partnershipId = partnership.PartnershipId, kind = "MOU", expiresOn = today.AddMonths(6).ToString("yyyy-MM-dd") }, partnership.FirstUser);
        var lasting = await Host.RecordedEventAsync("signAgreement",
            new { partnershipId = partnership.PartnershipId, kind = "MOU", expiresOn = today.AddYears(2).ToString("yyyy-MM-dd") }, partnership.FirstUser);
        await Host.RecordAsync("reviewAgreement", new { partnershipId = partnership.PartnershipId, agreementId = expiring }, partnership.SecondUser);
        await Host.RecordAsync("reviewAgreement", new { partnershipId = partnership.PartnershipId, agreementId = lasting }, partnership.SecondUser);

        Task<long> Reminders(Guid agreement) => ScalarAsync(
            $"select count(*) from {{0}}.wolverine_incoming_envelopes where message_type like '%AgreementReviewDue%' and position(convert_to('{agreement}', 'UTF8') in body) > 0");
        Assert.Equal(0, await Reminders(expiring));
        Assert.Equal(2, await Reminders(lasting));   // one for the signing, one for the review
    }

    [Fact]
    public async Task An_unreviewed_agreement_becomes_overdue_a_year_after_signing_through_the_durable_reminder()
    {
        var partnership = await Host.FormPartnershipAsync();
        var signedAt = DateTimeOffset.UtcNow.AddMonths(-13);

        var agreement = await Host.RecordedEventAsync("signAgreement",
            new { partnershipId = partnership.PartnershipId, kind = "PARTNERSHIP_AGREEMENT", occurredAt = signedAt }, partnership.FirstUser);

        var overdue = await Host.WaitForEventAsync(partnership.PartnershipId, "AgreementReviewOverdue");
        Assert.Equal("ledger", overdue.GetProperty("actor").GetString());
        Assert.Equal(signedAt.AddYears(1).ToUnixTimeSeconds(), DateTimeOffset.Parse(overdue.GetProperty("occurredAt").GetString()!).ToUnixTimeSeconds());
        Assert.Contains(agreement.ToString(), overdue.GetProperty("summary").GetString());
    }
}
