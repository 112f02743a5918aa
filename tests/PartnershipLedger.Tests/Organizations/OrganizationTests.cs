using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.Organizations;

public sealed class OrganizationTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task An_organization_is_registered_with_its_partner_types_and_home_region()
    {
        var id = await Host.RegisterOrganizationAsync("Contoso", "ISV, MANAGED_SERVICE_PROVIDER", "Sweden");

        var organization = (await Host.GraphQLAsync($"{{ organization(id: \"{id}\") {{ name partnerTypes homeRegion version }} }}")).Data("organization");
        Assert.Equal("Contoso", organization.GetProperty("name").GetString());
        Assert.Equal(["ISV", "MANAGED_SERVICE_PROVIDER"], organization.GetProperty("partnerTypes").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("Sweden", organization.GetProperty("homeRegion").GetString());
        Assert.Equal(1, organization.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Registering_reports_every_problem_at_once_and_stores_nothing()
    {
        var response = await Host.RecordAsync("registerOrganization",
            new { name = new string('n', 201), partnerTypes = Array.Empty<string>(), homeRegion = " " }, new As("ada@example.com"));

        Assert.Equal(["homeRegion", "name", "partnerTypes"], response.Errors().Select(error => error.Field()).Order());
        Assert.All(response.Errors(), error => Assert.Equal("VALIDATION", error.Code()));
        Assert.Equal(0, await Host.EventCountAsync());
    }

    [Fact]
    public async Task Only_an_admin_registers_organizations()
    {
        var contoso = await Host.RegisterOrganizationAsync("Contoso");

        var response = await Host.GraphQLAsync("mutation { registerOrganization(input: { name: \"X\", partnerTypes: [ISV], homeRegion: \"Y\" }) { eventId } }",
            caller: new As("ada@contoso.example", contoso));

        Assert.Contains("admin", response.SingleError("FORBIDDEN").GetProperty("message").GetString());
        Assert.Equal(1, await Host.EventCountAsync());
    }

    [Fact]
    public async Task Only_the_organizations_own_people_can_rename_it()
    {
        var contoso = await Host.RegisterOrganizationAsync("Contoso");
        var fabrikam = await Host.RegisterOrganizationAsync("Fabrikam");

        var refused = await Host.RecordAsync("renameOrganization", new { organizationId = contoso, name = "Stolen" }, new As("eve@fabrikam.example", fabrikam));
        var renamed = await Host.RecordAsync("renameOrganization", new { organizationId = contoso, name = "Contoso Nordic" }, new As("ada@contoso.example", contoso));

        // Outside its reach, an organization is answered like one that does not exist.
        Assert.Equal($"No organization has the id {contoso}.", refused.SingleError("NOT_FOUND").GetProperty("message").GetString());
        Assert.Equal(2, renamed.Data("renameOrganization").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Users_are_added_and_removed()
    {
        var contoso = await Host.RegisterOrganizationAsync("Contoso");
        var ada = new As("ada@contoso.example", contoso);

        await Host.RecordAsync("addOrganizationUser", new { organizationId = contoso, user = "bo@contoso.example" }, ada);
        var twice = await Host.RecordAsync("addOrganizationUser", new { organizationId = contoso, user = "bo@contoso.example" }, ada);
        await Host.RecordAsync("removeOrganizationUser", new { organizationId = contoso, user = "bo@contoso.example" }, ada);
        var unknown = await Host.RecordAsync("removeOrganizationUser", new { organizationId = contoso, user = "nobody" }, ada);

        Assert.Equal("user", twice.SingleError("VALIDATION").Field());
        Assert.Equal("user", unknown.SingleError("VALIDATION").Field());
        var users = (await Host.GraphQLAsync($"{{ organization(id: \"{contoso}\") {{ users version }} }}")).Data("organization");
        Assert.Equal(0, users.GetProperty("users").GetArrayLength());
        Assert.Equal(3, users.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task An_unknown_organization_is_not_found()
    {
        var response = await Host.RecordAsync("renameOrganization", new { organizationId = Guid.NewGuid(), name = "X" }, As.Admin);

        response.SingleError("NOT_FOUND");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await Host.GraphQLAsync($"{{ organization(id: \"{Guid.NewGuid()}\") {{ name }} }}")).GetProperty("data").GetProperty("organization").ValueKind);
    }
}
