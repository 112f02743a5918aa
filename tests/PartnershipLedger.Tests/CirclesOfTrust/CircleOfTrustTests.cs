using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.CirclesOfTrust;

public sealed class CircleOfTrustTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private static Task<System.Text.Json.JsonElement> RecordOnCircleAsync(Alba.IAlbaHost host, string mutation, object input, As caller) =>
        host.GraphQLAsync($"mutation Record($input: {char.ToUpperInvariant(mutation[0]) + mutation[1..]}Input!) {{ {mutation}(input: $input) {{ eventId version circleOfTrust {{ id name members {{ name }} }} }} }}",
            new { input }, caller: caller);

    [Fact]
    public async Task A_named_circle_of_trust_groups_organizations_that_join_and_leave()
    {
        var contoso = await Host.RegisterOrganizationAsync("Contoso");
        var fabrikam = await Host.RegisterOrganizationAsync("Fabrikam");
        var northwind = await Host.RegisterOrganizationAsync("Northwind");
        var ada = new As("ada", contoso);

        var formed = (await RecordOnCircleAsync(Host, "formCircleOfTrust", new { name = "Northwest Alliance", memberIds = new[] { contoso, fabrikam } }, ada)).Data("formCircleOfTrust");
        var circle = formed.GetProperty("circleOfTrust").GetProperty("id").GetGuid();
        await RecordOnCircleAsync(Host, "addCircleMember", new { circleId = circle, organizationId = northwind }, ada);
        var left = (await RecordOnCircleAsync(Host, "removeCircleMember", new { circleId = circle, organizationId = fabrikam }, new As("bo", fabrikam))).Data("removeCircleMember");

        Assert.Equal("Northwest Alliance", formed.GetProperty("circleOfTrust").GetProperty("name").GetString());
        Assert.Equal(3, left.GetProperty("version").GetInt32());
        Assert.Equal(["Contoso", "Northwind"], left.GetProperty("circleOfTrust").GetProperty("members").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task A_member_that_removed_itself_can_retry_the_removal_and_gets_the_same_answer()
    {
        var contoso = await Host.RegisterOrganizationAsync("Contoso");
        var fabrikam = await Host.RegisterOrganizationAsync("Fabrikam");
        var northwind = await Host.RegisterOrganizationAsync("Northwind");
        var circle = (await RecordOnCircleAsync(Host, "formCircleOfTrust", new { name = "Retry Circle", memberIds = new[] { contoso, fabrikam, northwind } }, new As("ada", contoso)))
            .Data("formCircleOfTrust").GetProperty("circleOfTrust").GetProperty("id").GetGuid();
        var input = new { circleId = circle, organizationId = fabrikam, commandId = $"leave-{Guid.NewGuid():N}" };
        const string removal = "mutation($input: RemoveCircleMemberInput!) { removeCircleMember(input: $input) { eventId version } }";

        var left = (await Host.GraphQLAsync(removal, new { input }, caller: new As("bo", fabrikam))).Data("removeCircleMember");
        var retried = (await Host.GraphQLAsync(removal, new { input }, caller: new As("bo", fabrikam))).Data("removeCircleMember");
        var byColleague = await Host.GraphQLAsync(removal, new { input }, caller: new As("cy", fabrikam));

        Assert.Equal(left.GetProperty("eventId").GetGuid(), retried.GetProperty("eventId").GetGuid());
        Assert.Equal(2, retried.GetProperty("version").GetInt32());
        byColleague.SingleError("NOT_FOUND");   // no longer a member, and not who recorded it
    }

    [Fact]
    public async Task Only_members_change_a_circle_and_it_keeps_two()
    {
        var contoso = await Host.RegisterOrganizationAsync("Contoso");
        var fabrikam = await Host.RegisterOrganizationAsync("Fabrikam");
        var outsider = await Host.RegisterOrganizationAsync("Outsider");
        var circle = (await RecordOnCircleAsync(Host, "formCircleOfTrust", new { name = "Golden Circle", memberIds = new[] { contoso, fabrikam } }, new As("ada", contoso)))
            .Data("formCircleOfTrust").GetProperty("circleOfTrust").GetProperty("id").GetGuid();

        var byOutsider = await RecordOnCircleAsync(Host, "addCircleMember", new { circleId = circle, organizationId = outsider }, new As("eve", outsider));
        var belowTwo = await RecordOnCircleAsync(Host, "removeCircleMember", new { circleId = circle, organizationId = fabrikam }, new As("ada", contoso));

        Assert.Equal($"No circle of trust has the id {circle}.", byOutsider.SingleError("NOT_FOUND").GetProperty("message").GetString());
        Assert.Contains("two or more", belowTwo.SingleError("VALIDATION").GetProperty("message").GetString());
    }
}
