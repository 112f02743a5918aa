using System.Text.Json;
using Alba;
using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.AccessControl;

/// <summary>Rate limits, the development token and the production key rule: each on a host of its own.</summary>
public sealed class HostSecurityTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task A_token_over_its_rate_is_refused_with_429_and_retry_after()
    {
        await using var host = await AppFixture.StartAsync(("RateLimit:TokenPermitsPerMinute", "3"));
        var statuses = new List<int>();
        IScenarioResult? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await host.ScenarioWithTokenAsync(s =>
            {
                s.Post.Json(new { query = "{ __typename }" }).ToUrl("/graphql");
                s.IgnoreStatusCode();
            });
            statuses.Add(last.Context.Response.StatusCode);
        }

        Assert.Equal([200, 200, 200, 429], statuses);
        Assert.True(int.Parse(last!.Context.Response.Headers.RetryAfter.ToString()) is > 0 and <= 60);
        var error = JsonDocument.Parse(await last.ReadAsTextAsync()).RootElement.SingleError("LIMIT_EXCEEDED");
        Assert.Contains("RateLimit:TokenPermitsPerMinute", error.GetProperty("message").GetString());
        // Health is never limited.
        await host.Scenario(s => s.Get.Url("/health"));
    }

    [Fact]
    public async Task Failed_authentication_attempts_are_throttled()
    {
        await using var host = await AppFixture.StartAsync(("RateLimit:UnauthenticatedPermitsPerMinute", "2"));
        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var result = await host.Scenario(s =>
            {
                s.Post.Json(new { query = "{ __typename }" }).ToUrl("/graphql");
                s.WithRequestHeader("Authorization", "Bearer guessed-" + i);
                s.IgnoreStatusCode();
            });
            statuses.Add(result.Context.Response.StatusCode);
        }

        Assert.Equal([401, 401, 429], statuses);
    }

    [Fact]
    public async Task Development_writes_a_working_admin_token_to_the_dev_token_file_and_reuses_it()
    {
        var file = TemporaryFile("");
        string first;
        await using (var host = await AppFixture.StartAsync(("Auth:DevTokenFile", file)))
        {
            first = await ReadWhenWrittenAsync(file);
            var result = await host.Scenario(s =>
            {
                s.Post.Json(new { query = "{ me { user role } }" }).ToUrl("/graphql");
                s.WithBearerToken(first);
            });
            Assert.Contains("\"role\":\"ADMIN\"", await result.ReadAsTextAsync());
        }
        // Tokens are signed with a per-process key in these tests, so a second start cannot trust the first token: it issues a new one.
        await using (await AppFixture.StartAsync(("Auth:DevTokenFile", file)))
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while ((await File.ReadAllTextAsync(file)).Trim() == first && DateTime.UtcNow < deadline) await Task.Delay(100);
            Assert.NotEqual(first, (await File.ReadAllTextAsync(file)).Trim());
        }
    }

    [Fact]
    public async Task With_a_fixed_signing_key_the_dev_token_survives_a_restart()
    {
        var file = TemporaryFile("");
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
        string first;
        await using (await AppFixture.StartAsync(("Auth:DevTokenFile", file), ("Auth:SigningKey", key)))
            first = await ReadWhenWrittenAsync(file);
        await using (var again = await AppFixture.StartAsync(("Auth:DevTokenFile", file), ("Auth:SigningKey", key)))
        {
            var result = await again.Scenario(s =>
            {
                s.Post.Json(new { query = "{ me { role } }" }).ToUrl("/graphql");
                s.WithBearerToken(first);
            });
            Assert.Contains("ADMIN", await result.ReadAsTextAsync());
            Assert.Equal(first, (await File.ReadAllTextAsync(file)).Trim());
        }
    }

    [Fact]
    public async Task Production_refuses_to_start_without_a_signing_key()
    {
        var failure = await Record.ExceptionAsync(async () => await (await AppFixture.StartAsync(("environment", "Production"))).DisposeAsync());

        Assert.NotNull(failure);
        Assert.Contains("Auth:SigningKey is required in the Production environment", Flatten(failure));
    }

    [Fact]
    public async Task A_signing_key_shorter_than_32_bytes_is_refused()
    {
        var failure = await Record.ExceptionAsync(async () => await (await AppFixture.StartAsync(("Auth:SigningKey", Convert.ToBase64String(new byte[16])))).DisposeAsync());

        Assert.Contains("needs at least 32", Flatten(failure));
    }

    private static string Flatten(Exception? failure)
    {
        var messages = new List<string>();
        for (var e = failure; e is not null; e = e.InnerException) messages.Add(e.Message);
        return string.Join(" | ", messages);
    }

    private static async Task<string> ReadWhenWrittenAsync(string file)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(file) && (await File.ReadAllTextAsync(file)).Trim() is { Length: > 0 } token) return token;
            await Task.Delay(100);
        }
        throw new TimeoutException($"{file} was not written within 30 seconds.");
    }
}
