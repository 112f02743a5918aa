using Alba;
using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.GraphQL;

/// <summary>The GraphQL explorer a browser gets at /graphql, and that GraphQL clients never see.</summary>
public sealed class ExplorerTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    [Fact]
    public async Task A_browser_opening_graphql_gets_the_explorer_page_without_a_token()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/graphql");
            s.WithRequestHeader("Accept", BrowserAccept);
            s.StatusCodeShouldBe(200);
        });

        Assert.StartsWith("text/html", result.Context.Response.ContentType);
        var page = await result.ReadAsTextAsync();
        Assert.Contains("<script type=\"module\" src=\"/explorer/explorer.js\"></script>", page);
        Assert.Contains("/explorer/explorer.css", page);
    }

    [Theory]
    [InlineData("/explorer/explorer.js", "text/javascript")]
    [InlineData("/explorer/explorer.css", "text/css")]
    [InlineData("/explorer/editor.worker.js", "text/javascript")]
    [InlineData("/explorer/json.worker.js", "text/javascript")]
    [InlineData("/explorer/graphql.worker.js", "text/javascript")]
    public async Task The_explorer_bundle_ships_with_the_app_and_needs_no_token(string path, string contentType)
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url(path);
            s.StatusCodeShouldBe(200);
        });

        Assert.StartsWith(contentType, result.Context.Response.ContentType);
        Assert.True(result.Context.Response.ContentLength > 1000 || (await result.ReadAsTextAsync()).Length > 1000, $"{path} looks empty");
    }

    [Fact]
    public async Task A_graphql_client_without_a_token_is_still_refused()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/graphql");
            s.WithRequestHeader("Accept", "application/json");
            s.StatusCodeShouldBe(401);
        });

        Assert.Contains("UNAUTHENTICATED", await result.ReadAsTextAsync());
    }

    [Fact]
    public async Task The_bundle_carries_the_example_queries_and_reads_the_dashboard_token()
    {
        var bundle = await Host.GetAsText("/explorer/explorer.js");

        Assert.Contains("auditTrail(first: 20) { edges { node { type summary actor occurredAt } } }", bundle);
        Assert.Contains("maturity(asOf: $asOf)", bundle);
        Assert.Contains("maturityHistory(function: $function)", bundle);
        Assert.Contains("portfolioTrend(function: $function", bundle);
        Assert.Contains("ledger.token", bundle);
    }

    [Fact]
    public async Task A_browser_get_with_a_query_still_executes_it()
    {
        var result = await Host.ScenarioWithTokenAsync(s =>
        {
            s.Get.Url("/graphql?query=" + Uri.EscapeDataString("{ maturityModel { version } }"));
            s.WithRequestHeader("Accept", BrowserAccept);
            s.StatusCodeShouldBe(200);
        });

        Assert.StartsWith("application/json", result.Context.Response.ContentType);
        Assert.Contains("\"version\":\"1.0.0\"", await result.ReadAsTextAsync());
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/graphql-response+json")]
    [InlineData("*/*")]
    [InlineData("application/json, text/html;q=0.5")]
    public async Task A_get_without_a_query_from_a_graphql_client_is_still_a_bad_request(string accept)
    {
        var result = await Host.ScenarioWithTokenAsync(s =>
        {
            s.Get.Url("/graphql");
            s.WithRequestHeader("Accept", accept);
            s.StatusCodeShouldBe(400);
        });

        Assert.StartsWith("application/json", result.Context.Response.ContentType);
        Assert.Contains("The 'query' parameter is required.", await result.ReadAsTextAsync());
    }
}
