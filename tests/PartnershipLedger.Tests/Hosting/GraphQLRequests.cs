using System.Text.Json;
using Alba;

namespace PartnershipLedger.Tests.Hosting;

public static class GraphQLRequests
{
    /// <summary>POSTs a GraphQL request to /graphql and returns the parsed response body.</summary>
    public static async Task<JsonElement> GraphQLAsync(this IAlbaHost host, string query, object? variables = null, int expectedStatus = 200)
    {
        var result = await host.Scenario(scenario =>
        {
            scenario.Post.Json(new { query, variables }).ToUrl("/graphql");
            scenario.StatusCodeShouldBe(expectedStatus);
        });
        return JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement;
    }

    public static JsonElement Data(this JsonElement response, string field)
    {
        Assert.False(response.TryGetProperty("errors", out var errors), $"unexpected errors: {errors}");
        return response.GetProperty("data").GetProperty(field);
    }

    public static IReadOnlyList<JsonElement> Errors(this JsonElement response) =>
        response.TryGetProperty("errors", out var errors) ? errors.EnumerateArray().ToList() : [];

    public static string Code(this JsonElement error) => error.GetProperty("extensions").GetProperty("code").GetString()!;
}
