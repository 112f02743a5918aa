using System.Security.Cryptography;
using System.Text.Json;
using Alba;
using Microsoft.Extensions.DependencyInjection;
using PartnershipLedger.Access;
using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.AccessControl;

/// <summary>Who may call at all: a bearer token the ledger issued, not revoked, not expired; the actor is the token's, never the request's.</summary>
public sealed class AuthenticationTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Me = "{ me { user organizationId role reach } }";

    private async Task<(int Status, JsonElement Body, IScenarioResult Result)> SendAsync(string? authorization, string query = Me)
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new { query }).ToUrl("/graphql");
            if (authorization is not null) s.WithRequestHeader("Authorization", authorization);
            s.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode, JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement, result);
    }

    private static string Message(JsonElement body) => body.SingleError("UNAUTHENTICATED").GetProperty("message").GetString()!;

    private AccessToken Forged(DateTimeOffset issued, DateTimeOffset expires) =>
        new() { Id = Guid.NewGuid(), User = "mallory", Role = Role.Admin, IssuedAt = issued, ExpiresAt = expires };

    [Fact]
    public async Task A_request_without_a_valid_token_is_401_with_the_reason_and_a_bearer_challenge()
    {
        var none = await SendAsync(null);
        var notBearer = await SendAsync("Basic YWRhOnNlY3JldA==");
        var garbage = await SendAsync("Bearer not-a-token");
        var otherKey = await SendAsync("Bearer " + new TokenSigner(RandomNumberGenerator.GetBytes(48)).Sign(Forged(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1))));
        var signer = Host.Services.GetRequiredService<TokenSigner>();
        var expired = await SendAsync("Bearer " + signer.Sign(Forged(DateTimeOffset.UtcNow.AddDays(-10), DateTimeOffset.UtcNow.AddDays(-1))));
        var neverIssued = await SendAsync("Bearer " + signer.Sign(Forged(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1))));

        Assert.All(new[] { none, notBearer, garbage, otherKey, expired, neverIssued }, response =>
        {
            Assert.Equal(401, response.Status);
            Assert.Equal("Bearer", response.Result.Context.Response.Headers.WWWAuthenticate.ToString());
            Assert.False(response.Body.TryGetProperty("data", out _));
        });
        Assert.Contains("needs a bearer token", Message(none.Body));
        Assert.Contains("not a bearer token", Message(notBearer.Body));
        Assert.Contains("not valid", Message(garbage.Body));
        Assert.Contains("not valid", Message(otherKey.Body));
        Assert.Contains("expired", Message(expired.Body));
        Assert.Contains("not one this ledger issued", Message(neverIssued.Body));
    }

    [Fact]
    public async Task Health_needs_no_token()
    {
        var result = await Host.Scenario(s => s.Get.Url("/health"));

        Assert.Contains("healthy", await result.ReadAsTextAsync());
    }

    [Fact]
    public async Task An_admin_issues_a_token_that_works_and_a_revoked_token_is_refused_at_once()
    {
        var contoso = await Host.RegisterOrganizationAsync("Contoso");
        var issued = await Host.GraphQLAsync(
            "mutation($i: IssueTokenInput!) { issueToken(input: $i) { token accessToken { tokenId user organizationId role reach expiresAt } } }",
            new { i = new { organizationId = contoso, user = "ada@contoso.example", role = "MEMBER", validForDays = 30 } });
        var payload = issued.Data("issueToken");
        var token = payload.GetProperty("token").GetString()!;
        var tokenId = payload.GetProperty("accessToken").GetProperty("tokenId").GetString();

        var before = await SendAsync("Bearer " + token);
        var revoked = await Host.GraphQLAsync("mutation($i: RevokeTokenInput!) { revokeToken(input: $i) { accessToken { revokedAt revocationReason } } }",
            new { i = new { tokenId, reason = "laptop lost" } });
        var after = await SendAsync("Bearer " + token);

        Assert.Equal(200, before.Status);
        Assert.Equal("ada@contoso.example", before.Body.Data("me").GetProperty("user").GetString());
        Assert.Equal("MEMBER", before.Body.Data("me").GetProperty("role").GetString());
        Assert.Equal([contoso.ToString()], before.Body.Data("me").GetProperty("reach").EnumerateArray().Select(id => id.GetString()));
        Assert.Equal("laptop lost", revoked.Data("revokeToken").GetProperty("accessToken").GetProperty("revocationReason").GetString());
        Assert.Equal(401, after.Status);
        Assert.Contains("revoked", Message(after.Body));
    }

    [Fact]
    public async Task Only_an_admin_issues_lists_or_revokes_tokens()
    {
        var contoso = await Host.RegisterOrganizationAsync("Contoso");
        var member = new As("ada@contoso.example", contoso);

        var issue = await Host.GraphQLAsync("mutation($i: IssueTokenInput!) { issueToken(input: $i) { token } }",
            new { i = new { organizationId = contoso, user = "ada@contoso.example", role = "ADMIN" } }, caller: member);
        var list = await Host.GraphQLAsync("{ accessTokens { user } }", caller: member);

        Assert.Contains("Only an admin may issue tokens", issue.SingleError("FORBIDDEN").GetProperty("message").GetString());
        list.SingleError("FORBIDDEN");
    }

    [Fact]
    public async Task A_token_for_an_unknown_organization_or_a_member_without_one_is_refused()
    {
        var response = await Host.GraphQLAsync("mutation($i: IssueTokenInput!) { issueToken(input: $i) { token } }",
            new { i = new { organizationId = Guid.NewGuid(), user = "ada", role = "MEMBER", validForDays = 0 } });

        Assert.Equal(["organizationId", "validForDays"], response.Errors().Select(error => error.Field()).Order());
    }

    [Fact]
    public async Task The_actor_comes_from_the_token_whatever_the_headers_say()
    {
        var partnership = await Host.FormPartnershipAsync();
        var token = await Host.TokenAsync(partnership.FirstUser);

        await Host.Scenario(s =>
        {
            s.Post.Json(new { query = $"mutation {{ holdPartnerMeeting(input: {{ partnershipId: \"{partnership.PartnershipId}\", inPerson: true }}) {{ eventId }} }}" }).ToUrl("/graphql");
            s.WithBearerToken(token);
            s.WithRequestHeader("X-Actor", "mallory@evil.example");
            s.WithRequestHeader("X-Actor-Organization", partnership.Second.ToString());
        });

        var meeting = (await Host.TimelineAsync(partnership.PartnershipId))[^1];
        Assert.Equal("ada@first.example", meeting.GetProperty("actor").GetString());
        Assert.Equal(partnership.First, meeting.GetProperty("organizationId").GetGuid());
    }

    [Fact]
    public async Task An_auditor_reads_across_the_organizations_granted_and_cannot_record()
    {
        var partnership = await Host.FormPartnershipAsync();
        var auditors = await Host.RegisterOrganizationAsync("Audit & Co");
        var auditor = new As("ivy@audit.example", auditors, Role.Auditor, [partnership.First]);

        var read = await Host.GraphQLAsync($"{{ partnership(id: \"{partnership.PartnershipId}\") {{ name }} partnerships {{ totalCount }} }}", caller: auditor);
        var write = await Host.RecordAsync("holdPartnerMeeting", new { partnershipId = partnership.PartnershipId, inPerson = true }, auditor);

        Assert.Equal("Contoso + Fabrikam", read.Data("partnership").GetProperty("name").GetString());
        Assert.Equal(1, read.Data("partnerships").GetProperty("totalCount").GetInt32());
        Assert.Contains("auditor", write.SingleError("FORBIDDEN").GetProperty("message").GetString());
        Assert.Equal(["PartnershipFormed"], await Host.EventTypesAsync(partnership.PartnershipId));
    }

    [Fact]
    public async Task A_self_assessment_is_recorded_for_the_members_own_organization_only()
    {
        var partnership = await Host.FormPartnershipAsync();

        var response = await Host.RecordAsync("recordSelfAssessment",
            new { partnershipId = partnership.PartnershipId, organizationId = partnership.Second, function = "AGREEMENT", answers = new[] { true, false, false, false, false, false, false } },
            partnership.FirstUser);

        Assert.Equal("organizationId", response.SingleError("VALIDATION").Field());
    }

    /// <summary>A clock the test moves: another node's registry, seconds or minutes later.</summary>
    private sealed class MovableClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task A_token_revoked_on_another_node_or_gone_from_the_ledger_is_refused_here_once_the_check_interval_has_passed()
    {
        var contoso = await Host.RegisterOrganizationAsync("Contoso");
        var issue = "mutation($i: IssueTokenInput!) { issueToken(input: $i) { accessToken { tokenId } } }";
        async Task<Guid> IssueAsync(string user) =>
            (await Host.GraphQLAsync(issue, new { i = new { organizationId = contoso, user, role = "MEMBER" } })).Data("issueToken").GetProperty("accessToken").GetProperty("tokenId").GetGuid();
        var kept = await IssueAsync("ada@contoso.example");
        var lost = await IssueAsync("bob@contoso.example");
        var wiped = await IssueAsync("eve@contoso.example");
        // This node's registry; the host stands for the other node, which records the revocation.
        var clock = new MovableClock();
        var store = Host.Services.GetRequiredService<Marten.IDocumentStore>();
        var registry = new TokenRegistry(store, clock, new AuthSettings { RevocationCheckInterval = TimeSpan.FromMinutes(1) });
        Task<string?[]> AnswersAsync() => Task.WhenAll(new[] { kept, lost, wiped }.Select(id => registry.RefusalAsync(id, default)));
        var before = await AnswersAsync();
        // Issued after the registry's read: looked up by its id when first seen, then kept until the next read.
        var issuedSince = await IssueAsync("dan@contoso.example");

        var revoked = await Host.GraphQLAsync("mutation($i: RevokeTokenInput!) { revokeToken(input: $i) { accessToken { revocationReason } } }",
            new { i = new { tokenId = lost, reason = "laptop lost" } });
        await using (var session = store.LightweightSession())
        {
            // As after a ledger reset under a running node: the token's registration is gone.
            session.Delete<AccessToken>(wiped);
            await session.SaveChangesAsync();
        }
        clock.Now += TimeSpan.FromSeconds(30);
        var withinInterval = await AnswersAsync();
        var newWithinInterval = await registry.RefusalAsync(issuedSince, default);
        clock.Now += TimeSpan.FromSeconds(31);
        var afterInterval = await AnswersAsync();
        var newAfterInterval = await registry.RefusalAsync(issuedSince, default);

        Assert.All(before, Assert.Null);
        Assert.Equal("laptop lost", revoked.Data("revokeToken").GetProperty("accessToken").GetProperty("revocationReason").GetString());
        Assert.All(withinInterval, Assert.Null);   // the bound the setting promises, not sooner
        Assert.Null(afterInterval[0]);
        Assert.Equal("The bearer token was revoked (laptop lost).", afterInterval[1]);
        Assert.StartsWith("The bearer token is not one this ledger issued", afterInterval[2]);
        Assert.Null(newWithinInterval);
        Assert.Null(newAfterInterval);
    }

    [Fact]
    public async Task A_valid_token_is_kept_and_each_request_gets_its_own_identity_and_a_tampered_or_expired_one_is_refused()
    {
        var signer = Host.Services.GetRequiredService<TokenSigner>();
        var token = signer.Sign(Forged(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1)));
        var expired = signer.Sign(Forged(DateTimeOffset.UtcNow.AddDays(-10), DateTimeOffset.UtcNow.AddDays(-1)));
        var tampered = token[..^2] + (token[^2] == 'A' ? "BA" : "AA");
        var handler = new PartnershipLedger.Api.Access.ValidatedTokenCache { MapInboundClaims = false };

        var first = await handler.ValidateTokenAsync(token, signer.ValidationParameters);
        first.ClaimsIdentity.AddClaim(new System.Security.Claims.Claim("role", "added by one request"));
        var second = await handler.ValidateTokenAsync(token, signer.ValidationParameters);
        second.ClaimsIdentity.AddClaim(new System.Security.Claims.Claim("role", "added by another"));
        var third = await handler.ValidateTokenAsync(token, signer.ValidationParameters);
        var wrong = await handler.ValidateTokenAsync(tampered, signer.ValidationParameters);
        var late = await handler.ValidateTokenAsync(expired, signer.ValidationParameters);

        Assert.True(first.IsValid);
        Assert.True(second.IsValid);
        Assert.Same(first.SecurityToken, third.SecurityToken);   // kept: not parsed again
        Assert.NotSame(second.ClaimsIdentity, third.ClaimsIdentity);
        Assert.DoesNotContain(third.ClaimsIdentity.Claims, claim => claim.Value.StartsWith("added by"));
        Assert.Equal("mallory", third.ClaimsIdentity.Name);
        Assert.False(wrong.IsValid);
        Assert.False(late.IsValid);
    }

    [Fact]
    public async Task A_kept_token_is_checked_again_once_it_expires_and_the_cache_is_emptied_at_its_capacity()
    {
        var signer = Host.Services.GetRequiredService<TokenSigner>();
        var handler = new PartnershipLedger.Api.Access.ValidatedTokenCache { MapInboundClaims = false };
        var now = DateTimeOffset.UtcNow;
        var shortLived = signer.Sign(Forged(now, now.AddSeconds(3)));
        var longLived = signer.Sign(Forged(now, now.AddDays(1)));

        var kept = await handler.ValidateTokenAsync(shortLived, signer.ValidationParameters);
        var again = await handler.ValidateTokenAsync(shortLived, signer.ValidationParameters);
        var validTo = kept.SecurityToken.ValidTo;
        while (DateTime.UtcNow <= validTo) await Task.Delay(100);
        // Past its expiry, within the handler's clock skew: still valid, but parsed and checked again, not answered from the cache.
        var expired = await handler.ValidateTokenAsync(shortLived, signer.ValidationParameters);

        var first = await handler.ValidateTokenAsync(longLived, signer.ValidationParameters);
        for (var i = 0; i < PartnershipLedger.Api.Access.ValidatedTokenCache.Capacity; i++)
            Assert.True((await handler.ValidateTokenAsync(signer.Sign(Forged(now, now.AddDays(1))), signer.ValidationParameters)).IsValid);
        var afterFilling = await handler.ValidateTokenAsync(longLived, signer.ValidationParameters);
        var afterThat = await handler.ValidateTokenAsync(longLived, signer.ValidationParameters);

        // A kept result shares its SecurityToken (ValidatedTokenCache.Copy copies the claims only): the same one means answered from the cache.
        Assert.Same(kept.SecurityToken, again.SecurityToken);
        Assert.True(expired.IsValid);
        Assert.NotSame(kept.SecurityToken, expired.SecurityToken);
        Assert.NotSame(first.SecurityToken, afterFilling.SecurityToken);   // emptied when full: parsed again
        Assert.Same(afterFilling.SecurityToken, afterThat.SecurityToken);  // and kept again
    }
}
