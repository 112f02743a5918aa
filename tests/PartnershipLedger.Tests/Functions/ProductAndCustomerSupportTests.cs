using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.Functions;

public sealed class ProductAndCustomerSupportTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly DateTimeOffset LoggedAt = Scenarios.FormedAt.AddDays(10);

    private Task<Guid> LogCaseAsync(TwoPartners partnership) =>
        Host.RecordedEventAsync("logSupportCase",
            new { partnershipId = partnership.PartnershipId, customer = "Volvo", summary = "Sync fails every night", reportedByOrganizationId = partnership.Second, occurredAt = LoggedAt },
            partnership.SecondUser);

    [Fact]
    public async Task A_support_case_is_logged_and_its_event_id_identifies_it()
    {
        var partnership = await Host.FormPartnershipAsync();

        var response = await Host.RecordAsync("logSupportCase",
            new { partnershipId = partnership.PartnershipId, customer = "Volvo", summary = "Sync fails every night", reportedByOrganizationId = partnership.First },
            partnership.SecondUser);

        var payload = response.Data("logSupportCase");
        Assert.Equal(2, payload.GetProperty("version").GetInt32());
        var recorded = (await Host.TimelineAsync(partnership.PartnershipId))[^1];
        Assert.Equal("SupportCaseLogged", recorded.GetProperty("type").GetString());
        Assert.Equal(partnership.Second, recorded.GetProperty("organizationId").GetGuid());
        Assert.Equal(payload.GetProperty("eventId").GetGuid(), recorded.GetProperty("eventId").GetGuid());
        Assert.Equal("Support case for Volvo logged: Sync fails every night", recorded.GetProperty("summary").GetString());
    }

    [Theory]
    [InlineData("customer", "")]
    [InlineData("customer", 201)]
    [InlineData("summary", " ")]
    [InlineData("summary", 2001)]
    public async Task A_support_case_without_or_with_too_long_a_customer_or_summary_is_refused_and_nothing_is_stored(string field, object value)
    {
        var partnership = await Host.FormPartnershipAsync();
        var text = value is int length ? new string('x', length) : (string)value;

        await Host.AssertRefusedAsync(partnership.PartnershipId, "logSupportCase",
            new
            {
                partnershipId = partnership.PartnershipId, reportedByOrganizationId = partnership.First,
                customer = field == "customer" ? text : "Volvo",
                summary = field == "summary" ? text : "Sync fails",
            },
            partnership.FirstUser, field);
    }

    [Fact]
    public async Task A_support_case_reported_by_an_organization_outside_the_partnership_is_refused_and_nothing_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();
        var outsider = await Host.OutsiderAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "logSupportCase",
            new { partnershipId = partnership.PartnershipId, customer = "Volvo", summary = "Sync fails", reportedByOrganizationId = outsider.Organization },
            partnership.FirstUser, "reportedByOrganizationId");
    }

    [Fact]
    public async Task A_logged_support_case_is_resolved_by_the_event_id_that_logged_it()
    {
        var partnership = await Host.FormPartnershipAsync();
        var caseId = await LogCaseAsync(partnership);

        var response = await Host.RecordAsync("resolveSupportCase",
            new { partnershipId = partnership.PartnershipId, caseId, proactive = true, occurredAt = LoggedAt.AddHours(3) }, partnership.FirstUser);

        Assert.Equal(3, response.Data("resolveSupportCase").GetProperty("version").GetInt32());
        var recorded = (await Host.TimelineAsync(partnership.PartnershipId))[^1];
        Assert.Equal("SupportCaseResolved", recorded.GetProperty("type").GetString());
        Assert.Equal(partnership.First, recorded.GetProperty("organizationId").GetGuid());
        Assert.Equal($"Support case {caseId} resolved proactively", recorded.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Resolving_an_unknown_support_case_is_refused_and_nothing_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();
        await LogCaseAsync(partnership);

        await Host.AssertRefusedAsync(partnership.PartnershipId, "resolveSupportCase",
            new { partnershipId = partnership.PartnershipId, caseId = Guid.NewGuid(), proactive = false }, partnership.FirstUser, "caseId");
    }

    [Fact]
    public async Task Resolving_an_event_that_is_not_a_support_case_is_refused_and_nothing_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();
        var review = await Host.RecordedEventAsync("holdSupportReview", new { partnershipId = partnership.PartnershipId }, partnership.FirstUser);

        await Host.AssertRefusedAsync(partnership.PartnershipId, "resolveSupportCase",
            new { partnershipId = partnership.PartnershipId, caseId = review, proactive = false }, partnership.FirstUser, "caseId");
    }

    [Fact]
    public async Task Resolving_a_support_case_twice_is_refused_and_nothing_more_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();
        var caseId = await LogCaseAsync(partnership);
        await Host.RecordedEventAsync("resolveSupportCase", new { partnershipId = partnership.PartnershipId, caseId, proactive = false }, partnership.FirstUser);

        await Host.AssertRefusedAsync(partnership.PartnershipId, "resolveSupportCase",
            new { partnershipId = partnership.PartnershipId, caseId, proactive = true }, partnership.SecondUser, "caseId");
        Assert.Equal(["PartnershipFormed", "SupportCaseLogged", "SupportCaseResolved"], await Host.EventTypesAsync(partnership.PartnershipId));
    }

    [Fact]
    public async Task Resolving_a_retracted_support_case_is_refused_and_nothing_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();
        var caseId = await LogCaseAsync(partnership);
        await Host.RecordedEventAsync("retractEvent", new { partnershipId = partnership.PartnershipId, eventId = caseId, reason = "Logged in the wrong partnership" }, partnership.SecondUser);

        await Host.AssertRefusedAsync(partnership.PartnershipId, "resolveSupportCase",
            new { partnershipId = partnership.PartnershipId, caseId, proactive = false }, partnership.FirstUser, "caseId");
    }

    [Fact]
    public async Task Resolving_a_support_case_before_it_was_logged_is_refused_and_nothing_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();
        var caseId = await LogCaseAsync(partnership);

        await Host.AssertRefusedAsync(partnership.PartnershipId, "resolveSupportCase",
            new { partnershipId = partnership.PartnershipId, caseId, proactive = false, occurredAt = LoggedAt.AddMinutes(-1) }, partnership.FirstUser, "occurredAt");
    }

    [Fact]
    public async Task A_support_contact_is_assigned_for_a_member()
    {
        var partnership = await Host.FormPartnershipAsync();

        var response = await Host.RecordAsync("assignSupportContact",
            new { partnershipId = partnership.PartnershipId, organizationId = partnership.Second, contact = "Kim Berg <kim@second.example>" }, partnership.SecondUser);

        Assert.Equal(2, response.Data("assignSupportContact").GetProperty("version").GetInt32());
        var recorded = (await Host.TimelineAsync(partnership.PartnershipId))[^1];
        Assert.Equal("SupportContactAssigned", recorded.GetProperty("type").GetString());
        Assert.Equal(partnership.Second, recorded.GetProperty("organizationId").GetGuid());
        Assert.Equal($"Kim Berg <kim@second.example> assigned as support contact of {partnership.Second}", recorded.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task A_support_contact_for_an_organization_outside_the_partnership_is_refused_and_nothing_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();
        var outsider = await Host.OutsiderAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "assignSupportContact",
            new { partnershipId = partnership.PartnershipId, organizationId = outsider.Organization, contact = "Kim Berg" }, partnership.FirstUser, "organizationId");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(201)]
    public async Task A_support_contact_blank_or_too_long_is_refused_and_nothing_is_stored(int length)
    {
        var partnership = await Host.FormPartnershipAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "assignSupportContact",
            new { partnershipId = partnership.PartnershipId, organizationId = partnership.First, contact = new string('x', length) }, partnership.FirstUser, "contact");
    }

    [Fact]
    public async Task A_support_review_is_recorded()
    {
        var partnership = await Host.FormPartnershipAsync();

        var response = await Host.RecordAsync("holdSupportReview", new { partnershipId = partnership.PartnershipId }, partnership.FirstUser);

        Assert.Equal(2, response.Data("holdSupportReview").GetProperty("version").GetInt32());
        var recorded = (await Host.TimelineAsync(partnership.PartnershipId))[^1];
        Assert.Equal("SupportReviewHeld", recorded.GetProperty("type").GetString());
        Assert.Equal(partnership.First, recorded.GetProperty("organizationId").GetGuid());
    }

    [Fact]
    public async Task An_organization_outside_the_partnership_cannot_record_its_support_review()
    {
        var partnership = await Host.FormPartnershipAsync();
        var outsider = await Host.OutsiderAsync();

        await Host.AssertOutOfReachAsync(partnership.PartnershipId, "holdSupportReview", new { partnershipId = partnership.PartnershipId }, outsider);
    }

    [Fact]
    public async Task A_shared_crm_is_adopted()
    {
        var partnership = await Host.FormPartnershipAsync();

        var response = await Host.RecordAsync("adoptSharedCrm",
            new { partnershipId = partnership.PartnershipId, system = "Dynamics 365 Customer Service" }, partnership.SecondUser);

        Assert.Equal(2, response.Data("adoptSharedCrm").GetProperty("version").GetInt32());
        var recorded = (await Host.TimelineAsync(partnership.PartnershipId))[^1];
        Assert.Equal("SharedCrmAdopted", recorded.GetProperty("type").GetString());
        Assert.Equal(partnership.Second, recorded.GetProperty("organizationId").GetGuid());
        Assert.Equal("Shared CRM adopted: Dynamics 365 Customer Service", recorded.GetProperty("summary").GetString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(201)]
    public async Task A_shared_crm_blank_or_too_long_is_refused_and_nothing_is_stored(int length)
    {
        var partnership = await Host.FormPartnershipAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "adoptSharedCrm",
            new { partnershipId = partnership.PartnershipId, system = new string('x', length) }, partnership.FirstUser, "system");
    }
}
