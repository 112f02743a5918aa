using System.Collections.Concurrent;
using System.Text.Json;
using Alba;
using PartnershipLedger.Access;
using PartnershipLedger.Api.Access;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Tests.Hosting;

/// <summary>
/// Who a test request is made by: a bearer token for this user, organization and role is issued (once per test) and
/// sent. Without an organization the default role is ADMIN, with one MEMBER.
/// </summary>
public sealed record As(string User, Guid? Organization = null, Role? Role = null, IReadOnlyList<Guid>? Reach = null)
{
    public static readonly As Admin = new("admin@ledger.test");

    public Actor ToActor()
    {
        var role = Role ?? (Organization is null ? PartnershipLedger.Access.Role.Admin : PartnershipLedger.Access.Role.Member);
        return new Actor(User, Organization) { Role = role, Reach = Reach ?? [] };
    }
}

/// <summary>The bearer tokens of the current test (the ledger, and so its tokens, is wiped before each test).</summary>
public static class TestTokens
{
    private static readonly ConcurrentDictionary<(IAlbaHost, As), string> Issued = new();

    public static async Task<string> TokenAsync(this IAlbaHost host, As caller)
    {
        if (Issued.TryGetValue((host, caller), out var token)) return token;
        token = await DevelopmentToken.IssueAsync(host.Services, caller.ToActor(), CancellationToken.None);
        Issued[(host, caller)] = token;
        return token;
    }

    public static void Forget(IAlbaHost host)
    {
        foreach (var key in Issued.Keys.Where(key => key.Item1 == host)) Issued.TryRemove(key, out _);
    }
}

public static class GraphQLRequests
{
    /// <summary>POSTs a GraphQL request to /graphql and returns the parsed response body.</summary>
    public static async Task<JsonElement> GraphQLAsync(this IAlbaHost host, string query, object? variables = null, int expectedStatus = 200, As? caller = null)
    {
        var token = await host.TokenAsync(caller ?? As.Admin);
        var result = await host.Scenario(scenario =>
        {
            scenario.Post.Json(new { query, variables }).ToUrl("/graphql");
            scenario.WithBearerToken(token);
            scenario.StatusCodeShouldBe(expectedStatus);
        });
        return JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement;
    }

    /// <summary>A raw HTTP scenario (for transport-level tests) sent with a bearer token, an admin's unless <paramref name="caller"/> says otherwise.</summary>
    public static async Task<IScenarioResult> ScenarioWithTokenAsync(this IAlbaHost host, Action<Scenario> configure, As? caller = null)
    {
        var token = await host.TokenAsync(caller ?? As.Admin);
        return await host.Scenario(scenario =>
        {
            scenario.WithBearerToken(token);
            configure(scenario);
        });
    }

    /// <summary>GETs a URL with an admin's bearer token and returns the body.</summary>
    public static async Task<string> GetWithTokenAsync(this IAlbaHost host, string url) =>
        await (await host.ScenarioWithTokenAsync(scenario => scenario.Get.Url(url))).ReadAsTextAsync();

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
