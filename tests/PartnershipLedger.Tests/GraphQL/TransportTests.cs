using System.Text;
using System.Text.Json;
using Alba;
using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.GraphQL;

/// <summary>The basics of GraphQL over HTTP at /graphql.</summary>
public sealed class TransportTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task A_query_can_be_sent_with_get()
    {
        var body = await Host.GetWithTokenAsync("/graphql?query=%7B%20maturityModel%20%7B%20version%20%7D%20%7D");

        Assert.Contains("\"version\":\"1.0.0\"", body);
    }

    [Fact]
    public async Task Other_methods_are_refused_with_the_allowed_ones()
    {
        var result = await Host.ScenarioWithTokenAsync(s =>
        {
            s.Put.Json(new { query = "{ __typename }" }).ToUrl("/graphql");
            s.StatusCodeShouldBe(405);
        });

        Assert.Equal("GET, POST", result.Context.Response.Headers.Allow.ToString());
    }

    [Fact]
    public async Task A_post_that_is_not_json_is_refused_as_unsupported_media() =>
        await Host.ScenarioWithTokenAsync(s =>
        {
            s.Post.Text("{ __typename }").ToUrl("/graphql");
            s.StatusCodeShouldBe(415);
        });

    [Fact]
    public async Task A_json_body_without_a_query_is_a_bad_request() =>
        await Host.ScenarioWithTokenAsync(s =>
        {
            s.Post.Json(new { operationName = "x" }).ToUrl("/graphql");
            s.StatusCodeShouldBe(400);
        });

    [Fact]
    public async Task A_validation_error_is_400_under_graphql_response_json()
    {
        var result = await Host.ScenarioWithTokenAsync(s =>
        {
            s.Post.Json(new { query = "{ nope }" }).ToUrl("/graphql");
            s.WithRequestHeader("Accept", "application/graphql-response+json");
            s.StatusCodeShouldBe(400);
        });

        Assert.StartsWith("application/graphql-response+json", result.Context.Response.ContentType);
    }

    [Fact]
    public async Task An_unacceptable_accept_header_is_refused() =>
        await Host.ScenarioWithTokenAsync(s =>
        {
            s.Post.Json(new { query = "{ __typename }" }).ToUrl("/graphql");
            s.WithRequestHeader("Accept", "text/csv");
            s.StatusCodeShouldBe(406);
        });

    private const string RegisterOrganization =
        "mutation { registerOrganization(input: {name: \"x\", partnerTypes: [ISV], homeRegion: \"y\"}) { eventId } }";

    [Fact]
    public async Task A_mutation_over_get_is_refused_with_post_allowed_and_stores_nothing()
    {
        var result = await Host.ScenarioWithTokenAsync(s =>
        {
            s.Get.Url("/graphql?query=" + Uri.EscapeDataString(RegisterOrganization));
            s.StatusCodeShouldBe(405);
        });

        Assert.Equal("POST", result.Context.Response.Headers.Allow.ToString());
        Assert.StartsWith("application/json", result.Context.Response.ContentType);
        Assert.Equal(0, await Host.EventCountAsync());

        // The same request over POST records: the refusal above was about the method, nothing else.
        await Host.GraphQLAsync(RegisterOrganization, caller: new As("registrar@example.com"));
        Assert.Equal(1, await Host.EventCountAsync());
    }

    [Fact]
    public async Task A_query_named_in_a_document_with_a_mutation_can_still_be_sent_with_get()
    {
        var query = "query Read { __typename } " + RegisterOrganization.Replace("mutation {", "mutation Write {");
        var body = await Host.GetWithTokenAsync("/graphql?operationName=Read&query=" + Uri.EscapeDataString(query));

        Assert.Contains("\"__typename\":\"Query\"", body);
        Assert.Equal(0, await Host.EventCountAsync());
    }

    [Theory]
    [InlineData(null, "application/json")]
    [InlineData("*/*", "application/json")]
    [InlineData("application/*", "application/json")]
    [InlineData("application/json", "application/json")]
    [InlineData("application/graphql-response+json", "application/graphql-response+json")]
    [InlineData("application/json, application/graphql-response+json", "application/graphql-response+json")]
    [InlineData("application/json, Application/GraphQL-Response+JSON", "application/graphql-response+json")]
    [InlineData("application/json;q=0.5, application/graphql-response+json;q=0.9", "application/graphql-response+json")]
    [InlineData("application/graphql-response+json;q=0.9, application/json", "application/json")]
    [InlineData("application/graphql-response+json;q=0, application/json", "application/json")]
    [InlineData("application/graphql-response+json;q=0, */*", "application/json")]
    [InlineData("application/json;q=0, */*", "application/graphql-response+json")]
    [InlineData("*/*, application/graphql-response+json", "application/graphql-response+json")]
    [InlineData("text/html, application/json;q=0.1", "application/json")]
    public async Task The_accept_header_picks_the_response_type(string? accept, string expected)
    {
        var result = await Host.ScenarioWithTokenAsync(s =>
        {
            s.Post.Json(new { query = "{ __typename }" }).ToUrl("/graphql");
            s.ConfigureHttpContext(http =>
            {
                if (accept is null) http.Request.Headers.Remove("Accept");
                else http.Request.Headers.Accept = accept;
            });
            s.StatusCodeShouldBe(200);
        });

        Assert.Equal($"{expected}; charset=utf-8", result.Context.Response.ContentType);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/json;q=0, application/graphql-response+json;q=0")]
    [InlineData("*/*;q=0")]
    [InlineData("@@@")]
    public async Task Nothing_acceptable_is_406_in_plain_json(string accept)
    {
        var result = await Host.ScenarioWithTokenAsync(s =>
        {
            s.Post.Json(new { query = "{ __typename }" }).ToUrl("/graphql");
            s.WithRequestHeader("Accept", accept);
            s.StatusCodeShouldBe(406);
        });

        Assert.StartsWith("application/json", result.Context.Response.ContentType);
    }

    [Theory]
    [InlineData("application/graphql-response+json", 400)]
    [InlineData("application/json", 200)]
    public async Task A_variable_coercion_error_is_400_only_under_graphql_response_json(string accept, int status)
    {
        var result = await Host.ScenarioWithTokenAsync(s =>
        {
            s.Post.Json(new { query = "query One($id: ID!) { organization(id: $id) { id } }", variables = new { id = (string?)null } }).ToUrl("/graphql");
            s.WithRequestHeader("Accept", accept);
            s.StatusCodeShouldBe(status);
        });

        Assert.StartsWith(accept, result.Context.Response.ContentType);
        var response = JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement;
        Assert.False(response.TryGetProperty("data", out _));
        Assert.Contains("$id", Assert.Single(response.Errors()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_validation_error_is_200_under_application_json() =>
        await Host.ScenarioWithTokenAsync(s =>
        {
            s.Post.Json(new { query = "{ nope }" }).ToUrl("/graphql");
            s.WithRequestHeader("Accept", "application/json");
            s.StatusCodeShouldBe(200);
        });

    [Theory]
    [InlineData("""{"query":"{ __typename }","variables":"{}"}""")]
    [InlineData("""{"query":"{ __typename }","variables":[]}""")]
    [InlineData("""{"query":"{ __typename }","extensions":"x"}""")]
    [InlineData("""{"query":"{ __typename }","operationName":1}""")]
    [InlineData("""{"query":1}""")]
    [InlineData("""{"query":"{ __typename }","query":"{ nope }"}""")]
    [InlineData("""["{ __typename }"]""")]
    [InlineData("""{"query":""")]
    [InlineData("")]
    public async Task A_body_that_is_not_a_graphql_request_is_400_under_any_accept(string body)
    {
        foreach (var accept in new[] { "application/json", "application/graphql-response+json" })
        {
            var result = await Host.ScenarioWithTokenAsync(s =>
            {
                s.Post.Url("/graphql");
                s.ConfigureHttpContext(http =>
                {
                    http.Request.ContentType = "application/json";
                    http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
                });
                s.WithRequestHeader("Accept", accept);
                s.StatusCodeShouldBe(400);
            });

            Assert.StartsWith("application/json", result.Context.Response.ContentType);
            var response = JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement;
            Assert.Single(response.Errors());
            Assert.False(response.TryGetProperty("data", out _));
        }
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=\"UTF-8\"")]
    [InlineData("Application/JSON")]
    public async Task Json_bodies_in_utf_8_are_accepted(string contentType) =>
        await Host.ScenarioWithTokenAsync(s =>
        {
            s.Post.Json(new { query = "{ __typename }" }).ToUrl("/graphql");
            s.ConfigureHttpContext(http => http.Request.ContentType = contentType);
            s.StatusCodeShouldBe(200);
        });

    [Theory]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData("application/graphql")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Other_content_types_are_refused_as_unsupported_media(string contentType) =>
        await Host.ScenarioWithTokenAsync(s =>
        {
            s.Post.Json(new { query = "{ __typename }" }).ToUrl("/graphql");
            s.ConfigureHttpContext(http => http.Request.ContentType = contentType);
            s.StatusCodeShouldBe(415);
        });

    [Theory]
    [InlineData("query=%7B__typename%7D&query=%7B__typename%7D")]
    [InlineData("query=%7B__typename%7D&variables=%7B%7D&variables=%7B%7D")]
    [InlineData("query=")]
    [InlineData("operationName=x")]
    [InlineData("query=%7B__typename%7D&variables=%22x%22")]
    [InlineData("query=%7B__typename%7D&variables=%7Bx")]
    [InlineData("query=%7B__typename%7D&extensions=%5B%5D")]
    public async Task Bad_get_parameters_are_400(string parameters) =>
        await Host.ScenarioWithTokenAsync(s =>
        {
            s.Get.Url("/graphql?" + parameters);
            s.WithRequestHeader("Accept", "application/graphql-response+json");
            s.StatusCodeShouldBe(400);
        });
}
