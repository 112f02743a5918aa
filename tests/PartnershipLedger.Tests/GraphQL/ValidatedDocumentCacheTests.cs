using System.Text.Json;
using Alba;
using Microsoft.Extensions.DependencyInjection;
using PartnershipLedger.Api.GraphQL;
using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.GraphQL;

/// <summary>
/// A document sent again is not parsed nor checked by the core rules again, but everything that depends on the request
/// still is: the limits, GET's queries-only rule, the variables.
/// </summary>
public sealed class ValidatedDocumentCacheTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private static bool Holds(IAlbaHost host, string query) => host.Services.GetRequiredService<ValidatedDocumentCache>().Holds(query);

    /// <summary>A query text no other test sends (the host and its cache are shared by the tests of a run).</summary>
    private static string Unique(string query) => $"{query} # {Guid.NewGuid()}";

    [Fact]
    public async Task A_valid_document_is_kept_and_an_invalid_one_never()
    {
        var query = Unique("query($id: ID!) { partnership(id: $id) { name } }");
        var invalid = Unique("{ partnership { nameless } }");

        Assert.Empty((await Host.GraphQLAsync(query, new { id = Guid.NewGuid() })).Errors());
        Assert.NotEmpty((await Host.GraphQLAsync(invalid)).Errors());

        Assert.True(Holds(Host, query));
        Assert.False(Holds(Host, invalid));
    }

    [Fact]
    public async Task A_kept_document_still_has_its_variables_checked()
    {
        var query = Unique("query($id: ID!) { partnership(id: $id) { name } }");
        Assert.Empty((await Host.GraphQLAsync(query, new { id = Guid.NewGuid() })).Errors());
        Assert.True(Holds(Host, query));

        var missing = await Host.GraphQLAsync(query, new { });

        Assert.Contains("$id", Assert.Single(missing.Errors()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_mutation_kept_from_a_post_is_still_refused_over_get()
    {
        var register = Unique("mutation { registerOrganization(input: {name: \"Contoso\", partnerTypes: [ISV], homeRegion: \"Sweden\"}) { eventId } }");
        await Host.GraphQLAsync(register, caller: new As("registrar@example.com"));
        Assert.True(Holds(Host, register));
        var events = await Host.EventCountAsync();

        await Host.ScenarioWithTokenAsync(s =>
        {
            s.Get.Url("/graphql?query=" + Uri.EscapeDataString(register));
            s.StatusCodeShouldBe(405);
        });

        Assert.Equal(events, await Host.EventCountAsync());
    }

    [Fact]
    public async Task A_kept_document_is_held_to_the_complexity_limit_with_every_request_s_variables()
    {
        await using var host = await AppFixture.StartAsync(("GraphQL:MaxComplexity", "100"));
        const string query = "query($n: Int) { partnerships(first: $n) { edges { node { name } } } }";

        Assert.Empty((await host.GraphQLAsync(query, new { n = 10 })).Errors());
        Assert.True(Holds(host, query));
        var refused = await host.GraphQLAsync(query, new { n = 100 });

        Assert.Contains("complex", refused.SingleError("LIMIT_EXCEEDED").GetProperty("message").GetString());
    }
}
