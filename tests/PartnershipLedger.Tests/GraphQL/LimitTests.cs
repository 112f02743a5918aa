using System.Text;
using System.Text.Json;
using Alba;
using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.GraphQL;

/// <summary>
/// The request limits of /graphql (configuration section GraphQL): each refusal says which limit and carries
/// extensions.code LIMIT_EXCEEDED. Tests of a non-default limit start a host of their own with that setting.
/// </summary>
public sealed class LimitTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Limit = "LIMIT_EXCEEDED";

    /// <summary>The dashboard's query: the biggest the front end sends; the default limits must let it through.</summary>
    public const string Dashboard =
        "{ partnerships(first: 100) { edges { node { name members { name } maturity { function level assessedLevel gap evidence { type } } maturityHistory { at from to } } } } }";

    private static async Task<(int Status, JsonElement Body)> PostAsync(IAlbaHost host, string query, string accept = "application/json", string? operationName = null)
    {
        var result = await host.ScenarioWithTokenAsync(s =>
        {
            s.Post.Json(new { query, operationName }).ToUrl("/graphql");
            s.WithRequestHeader("Accept", accept);
            s.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode, JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement);
    }

    private static async Task<(int Status, JsonElement Body)> GetAsync(IAlbaHost host, string query)
    {
        var result = await host.ScenarioWithTokenAsync(s =>
        {
            s.Get.Url("/graphql?query=" + Uri.EscapeDataString(query));
            s.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode, JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement);
    }

    private static void AssertPasses((int Status, JsonElement Body) response)
    {
        Assert.Equal(200, response.Status);
        Assert.Empty(response.Body.Errors());
    }

    private static JsonElement AssertExceeded((int Status, JsonElement Body) response, int status, params string[] mentions)
    {
        Assert.Equal(status, response.Status);
        var error = response.Body.SingleError(Limit);
        foreach (var mention in mentions) Assert.Contains(mention, error.GetProperty("message").GetString());
        return error;
    }

    private static string Aliases(int count) => "{ " + string.Concat(Enumerable.Range(1, count).Select(i => $"a{i}: __typename ")) + "}";

    private static string Operations(int count) => string.Concat(Enumerable.Range(1, count).Select(i => $"query q{i} {{ __typename }} "));

    [Fact]
    public async Task The_dashboard_query_passes_the_default_limits() =>
        AssertPasses(await PostAsync(Host, Dashboard));

    [Fact]
    public async Task A_query_deeper_than_the_limit_is_refused_as_a_request_error()
    {
        await using var host = await AppFixture.StartAsync(("GraphQL:MaxDepth", "3"));
        const string deeper = "{ partnerships { edges { node { name } } } }";

        AssertPasses(await PostAsync(host, "{ partnerships { pageInfo { hasNextPage } } }"));
        AssertExceeded(await PostAsync(host, deeper, "application/graphql-response+json"), 400, "depth", "3");
        AssertExceeded(await PostAsync(host, deeper), 200, "depth", "3");
        AssertExceeded(await GetAsync(host, deeper), 200, "depth", "3");
    }

    [Fact]
    public async Task A_query_more_complex_than_the_limit_is_refused_as_a_request_error()
    {
        await using var host = await AppFixture.StartAsync(("GraphQL:MaxComplexity", "100"));

        AssertPasses(await PostAsync(host, "{ partnerships(first: 10) { edges { node { name } } } }"));
        AssertExceeded(await PostAsync(host, "{ partnerships(first: 100) { edges { node { name } } } }", "application/graphql-response+json"), 400, "complex", "100");
        AssertExceeded(await PostAsync(host, "{ partnerships(first: 100) { edges { node { name } } } }"), 200, "complex", "100");
    }

    [Fact]
    public async Task More_aliases_than_the_limit_are_refused_over_post_and_get()
    {
        AssertPasses(await PostAsync(Host, Aliases(30)));
        AssertPasses(await GetAsync(Host, Aliases(30)));
        AssertExceeded(await PostAsync(Host, Aliases(31), "application/graphql-response+json"), 400, "31 aliases", "30");
        AssertExceeded(await GetAsync(Host, Aliases(31)), 200, "31 aliases", "30");
    }

    [Fact]
    public async Task Aliases_in_fragments_count_too()
    {
        await using var host = await AppFixture.StartAsync(("GraphQL:MaxAliases", "2"));

        AssertPasses(await PostAsync(host, "{ a: __typename ...F } fragment F on Query { b: __typename }"));
        AssertExceeded(await PostAsync(host, "{ a: __typename ...F } fragment F on Query { b: __typename c: __typename }"), 200, "3 aliases", "2");
    }

    [Fact]
    public async Task More_operations_than_the_limit_are_refused_over_post_and_get()
    {
        AssertPasses(await PostAsync(Host, Operations(10), operationName: "q1"));
        AssertExceeded(await PostAsync(Host, Operations(11), "application/graphql-response+json", operationName: "q1"), 400, "11 operations", "10");

        var get = await Host.ScenarioWithTokenAsync(s =>
        {
            s.Get.Url("/graphql?operationName=q1&query=" + Uri.EscapeDataString(Operations(11)));
            s.StatusCodeShouldBe(200);
        });
        var error = JsonDocument.Parse(await get.ReadAsTextAsync()).RootElement.SingleError(Limit);
        Assert.Contains("11 operations", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_with_a_limit_error()
    {
        // One MiB by default: a query padded with a comment up to just under it passes, one byte more does not.
        static string Body(int size)
        {
            var shell = JsonSerializer.Serialize(new { query = "{ __typename }\n#" });
            return shell.Insert(shell.Length - 2, new string('x', size - shell.Length));
        }
        async Task<(int, JsonElement)> SendAsync(string body)
        {
            var result = await Host.ScenarioWithTokenAsync(s =>
            {
                s.Post.Text(body).ToUrl("/graphql");
                s.ConfigureHttpContext(http => http.Request.ContentType = "application/json");
                s.IgnoreStatusCode();
            });
            Assert.StartsWith("application/json", result.Context.Response.ContentType);
            return (result.Context.Response.StatusCode, JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement);
        }

        Assert.Equal(1024 * 1024, Encoding.UTF8.GetByteCount(Body(1024 * 1024)));
        AssertPasses(await SendAsync(Body(1024 * 1024)));
        AssertExceeded(await SendAsync(Body(1024 * 1024 + 1)), 413, "1048576 bytes");
    }

    [Fact]
    public async Task A_get_query_string_over_the_limit_is_414_with_a_limit_error()
    {
        static string Url(int length)
        {
            const string start = "/graphql?query=%7B__typename%7D%23";
            return start + new string('x', length - (start.Length - "/graphql".Length));
        }

        AssertPasses(await GetAsync(Url(8192)));
        AssertExceeded(await GetAsync(Url(8193)), 414, "8193", "8192");

        async Task<(int, JsonElement)> GetAsync(string url)
        {
            var result = await Host.ScenarioWithTokenAsync(s =>
            {
                s.Get.Url(url);
                s.IgnoreStatusCode();
            });
            return (result.Context.Response.StatusCode, JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement);
        }
    }

    [Fact]
    public async Task A_request_running_longer_than_the_timeout_is_cancelled_with_a_limit_error()
    {
        await using var host = await AppFixture.StartAsync(("GraphQL:Timeout", "00:00:00.001"));
        // Several round trips to PostgreSQL, one after another: far more than a millisecond.
        var query = "{ " + string.Concat(Enumerable.Range(1, 10).Select(i => $"p{i}: partnerships(first: 100) {{ totalCount edges {{ node {{ name members {{ name }} }} }} }} ")) + "}";

        var (status, body) = await PostAsync(host, query);

        Assert.Equal(200, status);
        var error = body.SingleError(Limit);
        Assert.Contains("took longer than 0.001 seconds", error.GetProperty("message").GetString());
        AssertPasses(await PostAsync(Host, query));   // the same query under the default timeout
    }

    [Fact]
    public async Task Introspection_can_be_turned_off_but_typename_keeps_working()
    {
        const string schema = "{ __schema { queryType { name } } }";
        const string type = "{ __type(name: \"Query\") { name } }";
        AssertPasses(await PostAsync(Host, schema));

        await using var host = await AppFixture.StartAsync(("GraphQL:Introspection", "false"));

        AssertPasses(await PostAsync(host, "{ __typename }"));
        AssertPasses(await GetAsync(host, "{ maturityModel { version } }"));
        foreach (var query in new[] { schema, type })
        {
            Assert.Equal(400, (await PostAsync(host, query, "application/graphql-response+json")).Status);
            var (status, body) = await GetAsync(host, query);
            Assert.Equal(200, status);
            body.SingleError("NO_INTROSPECTION");
        }
    }
}
