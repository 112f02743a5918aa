using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.Partnerships;

public sealed class PartnershipLifecycleTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task A_partnership_is_formed_by_two_registered_organizations()
    {
        var partnership = await Host.FormPartnershipAsync();

        var read = (await Host.GraphQLAsync($"{{ partnership(id: \"{partnership.PartnershipId}\") {{ name version status formedAt members {{ id name }} }} }}")).Data("partnership");
        Assert.Equal("Contoso + Fabrikam", read.GetProperty("name").GetString());
        Assert.Equal(1, read.GetProperty("version").GetInt32());
        Assert.Equal("ACTIVE", read.GetProperty("status").GetString());
        Assert.Equal("2024-01-15T09:00:00Z", read.GetProperty("formedAt").GetString());
        Assert.Equal([partnership.First, partnership.Second], read.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task A_partnership_needs_two_members_that_are_registered_and_include_the_actor()
    {
        var contoso = await Host.RegisterOrganizationAsync("Contoso");
        var fabrikam = await Host.RegisterOrganizationAsync("Fabrikam");
        var northwind = await Host.RegisterOrganizationAsync("Northwind");
        var unknown = Guid.NewGuid();

        var alone = await Host.RecordAsync("formPartnership", new { name = "Solo", memberIds = new[] { contoso, contoso } }, new As("ada", contoso));
        var stranger = await Host.RecordAsync("formPartnership", new { name = "Ghost", memberIds = new[] { contoso, unknown } }, new As("ada", contoso));
        var outsider = await Host.RecordAsync("formPartnership", new { name = "Them", memberIds = new[] { contoso, fabrikam } }, new As("eve", northwind));

        Assert.Contains("two or more", alone.SingleError("VALIDATION").GetProperty("message").GetString());
        Assert.Contains(unknown.ToString(), stranger.SingleError("VALIDATION").GetProperty("message").GetString());
        Assert.Equal("memberIds", outsider.SingleError("VALIDATION").Field());
        Assert.Equal(3, await Host.EventCountAsync());
    }

    [Fact]
    public async Task Members_join_and_leave_but_two_always_remain()
    {
        var partnership = await Host.FormPartnershipAsync();
        var third = await Host.RegisterOrganizationAsync("Northwind", "VALUE_ADDED_RESELLER", "Denmark");

        await Host.RecordAsync("addPartnershipMember", new { partnershipId = partnership.PartnershipId, organizationId = third }, partnership.FirstUser);
        var again = await Host.RecordAsync("addPartnershipMember", new { partnershipId = partnership.PartnershipId, organizationId = third }, partnership.FirstUser);
        await Host.RecordAsync("removePartnershipMember", new { partnershipId = partnership.PartnershipId, organizationId = third }, partnership.SecondUser);
        var belowTwo = await Host.RecordAsync("removePartnershipMember", new { partnershipId = partnership.PartnershipId, organizationId = partnership.Second }, partnership.FirstUser);

        Assert.Equal("organizationId", again.SingleError("VALIDATION").Field());
        Assert.Contains("two or more", belowTwo.SingleError("VALIDATION").GetProperty("message").GetString());
        Assert.Equal(["PartnershipFormed", "MemberJoined", "MemberLeft"], await Host.EventTypesAsync(partnership.PartnershipId));
    }

    [Fact]
    public async Task A_non_member_cannot_record_in_a_partnership()
    {
        var partnership = await Host.FormPartnershipAsync();
        var outsider = await Host.RegisterOrganizationAsync("Outsider");

        var response = await Host.RecordAsync("holdPartnerMeeting", new { partnershipId = partnership.PartnershipId, inPerson = true }, new As("eve", outsider));

        // Outside its reach, a partnership is answered as if it did not exist.
        Assert.Equal($"No partnership has the id {partnership.PartnershipId}.", response.SingleError("NOT_FOUND").GetProperty("message").GetString());
        Assert.Equal(["PartnershipFormed"], await Host.EventTypesAsync(partnership.PartnershipId));
    }

    [Fact]
    public async Task A_partnership_is_paused_resumed_and_ended()
    {
        var partnership = await Host.FormPartnershipAsync();
        var id = partnership.PartnershipId;

        var resumeActive = await Host.RecordAsync("resumePartnership", new { partnershipId = id }, partnership.FirstUser);
        await Host.RecordAsync("pausePartnership", new { partnershipId = id, reason = "budget freeze" }, partnership.FirstUser);
        await Host.RecordAsync("resumePartnership", new { partnershipId = id }, partnership.SecondUser);
        await Host.RecordAsync("endPartnership", new { partnershipId = id, reason = "merged" }, partnership.FirstUser);

        resumeActive.SingleError("VALIDATION");
        var read = (await Host.GraphQLAsync($"{{ partnership(id: \"{id}\") {{ status endedAt }} }}")).Data("partnership");
        Assert.Equal("ENDED", read.GetProperty("status").GetString());
        Assert.Equal(["PartnershipFormed", "PartnershipPaused", "PartnershipResumed", "PartnershipEnded"], await Host.EventTypesAsync(id));
    }

    [Fact]
    public async Task Facts_after_the_end_are_refused_but_earlier_history_can_still_be_back_filled()
    {
        var partnership = await Host.FormPartnershipAsync();
        var id = partnership.PartnershipId;
        await Host.RecordAsync("endPartnership", new { partnershipId = id, occurredAt = "2025-06-30T17:00:00Z" }, partnership.FirstUser);

        var after = await Host.RecordAsync("holdPartnerMeeting", new { partnershipId = id, inPerson = false }, partnership.FirstUser);
        var before = await Host.RecordAsync("holdPartnerMeeting", new { partnershipId = id, inPerson = false, occurredAt = "2025-03-01T10:00:00Z" }, partnership.FirstUser);

        Assert.Contains("ended", after.SingleError("VALIDATION").GetProperty("message").GetString());
        Assert.Equal(3, before.Data("holdPartnerMeeting").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task An_unknown_partnership_is_not_found()
    {
        var contoso = await Host.RegisterOrganizationAsync("Contoso");

        var response = await Host.RecordAsync("holdPartnerMeeting", new { partnershipId = Guid.NewGuid(), inPerson = true }, new As("ada", contoso));

        response.SingleError("NOT_FOUND");
    }
}
