using Alba;
using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.GraphQL;

/// <summary>The basics of GraphQL over HTTP at /graphql.</summary>
public sealed class TransportTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task A_query_can_be_sent_with_get()
    {
        var body = await Host.GetAsText("/graphql?query=%7B%20maturityModel%20%7B%20version%20%7D%20%7D");

        Assert.Contains("\"version\":\"1.0.0\"", body);
    }

    [Fact]
    public async Task Other_methods_are_refused_with_the_allowed_ones()
    {
        var result = await Host.Scenario(s =>
        {
            s.Put.Json(new { query = "{ __typename }" }).ToUrl("/graphql");
            s.StatusCodeShouldBe(405);
        });

        Assert.Equal("GET, POST", result.Context.Response.Headers.Allow.ToString());
    }

    [Fact]
    public async Task A_post_that_is_not_json_is_refused_as_unsupported_media() =>
        await Host.Scenario(s =>
        {
            s.Post.Text("{ __typename }").ToUrl("/graphql");
            s.StatusCodeShouldBe(415);
        });

    [Fact]
    public async Task A_json_body_without_a_query_is_a_bad_request() =>
        await Host.Scenario(s =>
        {
            s.Post.Json(new { operationName = "x" }).ToUrl("/graphql");
            s.StatusCodeShouldBe(400);
        });

    [Fact]
    public async Task A_validation_error_is_400_under_graphql_response_json()
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new { query = "{ nope }" }).ToUrl("/graphql");
            s.WithRequestHeader("Accept", "application/graphql-response+json");
            s.StatusCodeShouldBe(400);
        });

        Assert.StartsWith("application/graphql-response+json", result.Context.Response.ContentType);
    }

    [Fact]
    public async Task An_unacceptable_accept_header_is_refused() =>
        await Host.Scenario(s =>
        {
            s.Post.Json(new { query = "{ __typename }" }).ToUrl("/graphql");
            s.WithRequestHeader("Accept", "text/csv");
            s.StatusCodeShouldBe(406);
        });
}
