using Alba;
using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.GraphQL;

/// <summary>
/// schema/schema.graphql is the contract clients read: it must be exactly what the server serves.
/// After an intended schema change, run `UPDATE_SCHEMA=1 ops/test --filter SchemaFileTests` to rewrite it.
/// </summary>
public sealed class SchemaFileTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task The_checked_in_sdl_is_the_served_schema()
    {
        var served = await Host.GetWithTokenAsync("/graphql/schema.graphql");
        var file = RepositoryFiles.Schema("schema.graphql");
        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMA") == "1") await File.WriteAllTextAsync(file, served);

        var checkedIn = File.Exists(file) ? (await File.ReadAllTextAsync(file)).ReplaceLineEndings("\n") : "(missing)";
        Assert.True(checkedIn == served,
            "schema/schema.graphql differs from the schema the server serves; if the change is intended, " +
            "rewrite it with: UPDATE_SCHEMA=1 ops/test --filter SchemaFileTests");
    }

    [Fact]
    public async Task The_sdl_has_the_fixed_names_of_the_contract()
    {
        var served = await Host.GetWithTokenAsync("/graphql/schema.graphql");

        Assert.Contains("enum MaturityLevel {", served);
        Assert.Contains("enum BusinessFunction {", served);
        Assert.Contains("scoreAssessment(", served);
        Assert.Contains("maturityModel: MaturityModel!", served);
        foreach (var value in new[] { "BASIC", "REACTIVE", "PROACTIVE", "DYNAMIC", "JOINT_BUSINESS_PLANNING", "CUSTOMER_RELATIONSHIPS_AND_SATISFACTION", "SMB_CLOUD_PARTNER", "CONSISTENTLY_MORE" })
            Assert.Contains(value, served);
    }
}
