using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.Functions;

public sealed class CustomerRelationshipsTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task A_customer_meeting_is_recorded()
    {
        var partnership = await Host.FormPartnershipAsync();

        var response = await Host.RecordAsync("holdCustomerMeeting", new { partnershipId = partnership.PartnershipId, customer = "Volvo" }, partnership.FirstUser);

        Assert.Equal(2, response.Data("holdCustomerMeeting").GetProperty("version").GetInt32());
        var recorded = (await Host.TimelineAsync(partnership.PartnershipId))[^1];
        Assert.Equal("CustomerMeetingHeld", recorded.GetProperty("type").GetString());
        Assert.Equal(partnership.First, recorded.GetProperty("organizationId").GetGuid());
        Assert.Equal("1:1 meeting with customer Volvo", recorded.GetProperty("summary").GetString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(201)]
    public async Task A_customer_meeting_without_or_with_too_long_a_customer_is_refused_and_nothing_is_stored(int length)
    {
        var partnership = await Host.FormPartnershipAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "holdCustomerMeeting",
            new { partnershipId = partnership.PartnershipId, customer = new string('x', length) }, partnership.FirstUser, "customer");
    }

    [Fact]
    public async Task A_customer_reference_is_shared_from_one_member_with_another()
    {
        var partnership = await Host.FormPartnershipAsync();

        var response = await Host.RecordAsync("shareCustomerReference",
            new { partnershipId = partnership.PartnershipId, fromOrganizationId = partnership.Second, toOrganizationId = partnership.First, customer = "Volvo" },
            partnership.SecondUser);

        Assert.Equal(2, response.Data("shareCustomerReference").GetProperty("version").GetInt32());
        var recorded = (await Host.TimelineAsync(partnership.PartnershipId))[^1];
        Assert.Equal("CustomerReferenceShared", recorded.GetProperty("type").GetString());
        Assert.Equal(partnership.Second, recorded.GetProperty("organizationId").GetGuid());
        Assert.Equal($"Reference Volvo shared by {partnership.Second} with {partnership.First}", recorded.GetProperty("summary").GetString());
    }

    [Theory]
    [InlineData("fromOrganizationId")]
    [InlineData("toOrganizationId")]
    public async Task A_customer_reference_shared_with_an_organization_outside_the_partnership_is_refused_and_nothing_is_stored(string outsideField)
    {
        var partnership = await Host.FormPartnershipAsync();
        var outsider = (await Host.OutsiderAsync()).Organization;

        await Host.AssertRefusedAsync(partnership.PartnershipId, "shareCustomerReference",
            new
            {
                partnershipId = partnership.PartnershipId, customer = "Volvo",
                fromOrganizationId = outsideField == "fromOrganizationId" ? outsider : partnership.First,
                toOrganizationId = outsideField == "toOrganizationId" ? outsider : partnership.Second,
            },
            partnership.FirstUser, outsideField);
    }

    [Fact]
    public async Task A_customer_reference_shared_with_the_same_organization_is_refused_and_nothing_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "shareCustomerReference",
            new { partnershipId = partnership.PartnershipId, fromOrganizationId = partnership.First, toOrganizationId = partnership.First, customer = "Volvo" },
            partnership.FirstUser, "toOrganizationId");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(201)]
    public async Task A_customer_reference_without_or_with_too_long_a_customer_is_refused_and_nothing_is_stored(int length)
    {
        var partnership = await Host.FormPartnershipAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "shareCustomerReference",
            new { partnershipId = partnership.PartnershipId, fromOrganizationId = partnership.First, toOrganizationId = partnership.Second, customer = new string('x', length) },
            partnership.FirstUser, "customer");
    }

    [Fact]
    public async Task Joint_ownership_of_a_customer_issue_is_recorded()
    {
        var partnership = await Host.FormPartnershipAsync();

        var response = await Host.RecordAsync("takeJointOwnershipOfCustomerIssue",
            new { partnershipId = partnership.PartnershipId, customer = "Volvo", issue = "Go-live slipped two weeks; both teams staff the fix" }, partnership.SecondUser);

        Assert.Equal(2, response.Data("takeJointOwnershipOfCustomerIssue").GetProperty("version").GetInt32());
        var recorded = (await Host.TimelineAsync(partnership.PartnershipId))[^1];
        Assert.Equal("CustomerIssueJointlyOwned", recorded.GetProperty("type").GetString());
        Assert.Equal(partnership.Second, recorded.GetProperty("organizationId").GetGuid());
        Assert.Equal("Issue of Volvo jointly owned: Go-live slipped two weeks; both teams staff the fix", recorded.GetProperty("summary").GetString());
    }

    [Theory]
    [InlineData("customer", 0)]
    [InlineData("customer", 201)]
    [InlineData("issue", 0)]
    [InlineData("issue", 2001)]
    public async Task A_jointly_owned_issue_without_or_with_too_long_a_customer_or_issue_is_refused_and_nothing_is_stored(string field, int length)
    {
        var partnership = await Host.FormPartnershipAsync();
        var text = new string('x', length);

        await Host.AssertRefusedAsync(partnership.PartnershipId, "takeJointOwnershipOfCustomerIssue",
            new { partnershipId = partnership.PartnershipId, customer = field == "customer" ? text : "Volvo", issue = field == "issue" ? text : "Go-live slipped" },
            partnership.FirstUser, field);
    }

    [Fact]
    public async Task An_organization_outside_the_partnership_cannot_record_its_customer_meetings()
    {
        var partnership = await Host.FormPartnershipAsync();
        var outsider = await Host.OutsiderAsync();

        await Host.AssertOutOfReachAsync(partnership.PartnershipId, "holdCustomerMeeting",
            new { partnershipId = partnership.PartnershipId, customer = "Volvo" }, outsider);
    }
}
