using System.Text.Json;
using Alba;

namespace PartnershipLedger.Tests.Hosting;

/// <summary>
/// Who a test request claims to be (the X-Actor and X-Actor-Organization headers), and with which role ("admin",
/// "member", "auditor"; none: the default). The role goes in the TEMPORARY X-Actor-Role header until bearer tokens come.
/// </summary>
public sealed record As(string User, Guid? Organization = null, string? Role = null)
{
    public static As Admin(string user = "root@ledger.example") => new(user, null, "admin");
    public static As MemberOf(Guid organization, string user = "member@example.com") => new(user, organization, "member");
}

public static class GraphQLRequests
{
    /// <summary>POSTs a GraphQL request to /graphql and returns the parsed response body.</summary>
    public static async Task<JsonElement> GraphQLAsync(this IAlbaHost host, string query, object? variables = null, int expectedStatus = 200, As? caller = null)
    {
        var result = await host.Scenario(scenario =>
        {
            scenario.Post.Json(new { query, variables }).ToUrl("/graphql");
            if (caller is not null)
            {
                scenario.WithRequestHeader("X-Actor", caller.User);
                if (caller.Organization is { } organization) scenario.WithRequestHeader("X-Actor-Organization", organization.ToString());
                if (caller.Role is { } role) scenario.WithRequestHeader("X-Actor-Role", role);
            }
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

    public static string? Field(this JsonElement error) =>
        error.GetProperty("extensions").TryGetProperty("field", out var field) ? field.GetString() : null;

    /// <summary>The single error of a refused request, after checking nothing came back as data.</summary>
    public static JsonElement SingleError(this JsonElement response, string code)
    {
        var error = Assert.Single(response.Errors());
        Assert.Equal(code, error.Code());
        return error;
    }
}
