using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.GraphQL;

/// <summary>GraphQL's ID type takes any string: one that is not an id of the ledger is a validation error naming the argument, never an internal error.</summary>
public sealed class MalformedIdTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Theory]
    [InlineData("partnership(id: $id) { id }", "id")]
    [InlineData("organization(id: $id) { id }", "id")]
    [InlineData("circleOfTrust(id: $id) { id }", "id")]
    [InlineData("partnerships(organizationId: $id) { totalCount }", "organizationId")]
    [InlineData("auditTrail(partnershipId: $id) { totalCount }", "partnershipId")]
    public async Task A_malformed_id_is_refused_naming_the_argument(string field, string argument)
    {
        var response = await Host.GraphQLAsync($"query($id: ID!) {{ {field} }}", new { id = "not-a-guid" });

        var error = Assert.Single(response.Errors());
        Assert.Equal("VALIDATION", error.Code());
        Assert.Equal(argument, error.GetProperty("extensions").GetProperty("field").GetString());
        Assert.Contains("'not-a-guid' is not an id of this ledger", error.GetProperty("message").GetString());
    }
}
