using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace PartnershipLedger.Tests.Browser;

/// <summary>The dashboard in Chromium, against the app on a real port with a small demo portfolio.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_portfolio_shows_each_partnership_per_function_as_a_heat_map_and_the_trend_by_quarter()
    {
        var page = await fixture.SignedInPageAsync();

        var rows = page.Locator("[data-testid=heatmap] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(fixture.Partnerships.Count);
        Assert.Equal(fixture.Partnerships.Count * 10, await page.Locator("[data-testid=heatmap] td.heat").CountAsync());
        foreach (var partnership in fixture.Partnerships)
            await Assertions.Expect(page.Locator($"[data-testid=heatmap] a[href='#/partnership/{partnership.Id}']")).ToHaveTextAsync(partnership.Name);
        Assert.True(await page.Locator("[data-testid=portfolio-trend] rect").CountAsync() >= 8, "the trend should draw a bar per level and quarter");
        await BrowserFixture.ScreenshotAsync(page, "portfolio");
    }

    [Fact]
    public async Task Filtering_the_portfolio_by_organization_keeps_only_its_partnerships()
    {
        var page = await fixture.SignedInPageAsync();
        await Assertions.Expect(page.Locator("[data-testid=heatmap] tbody tr")).ToHaveCountAsync(fixture.Partnerships.Count);
        var organization = page.Locator("select[name=organization] option").Nth(1);
        var name = await organization.TextContentAsync();

        await page.Locator("select[name=organization]").SelectOptionAsync((await organization.GetAttributeAsync("value"))!);

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("organization="));
        var rows = page.Locator("[data-testid=heatmap] tbody tr");
        await Assertions.Expect(rows.First).ToContainTextAsync(name!);
        var count = await rows.CountAsync();
        Assert.InRange(count, 1, fixture.Partnerships.Count - 1);
        for (var i = 0; i < count; i++) Assert.Contains(name!, await rows.Nth(i).Locator(".members").TextContentAsync());
    }

    [Fact]
    public async Task Moving_the_as_of_slider_redraws_the_radar_as_the_partnership_stood_then()
    {
        var partnership = fixture.Maturing;
        var page = await fixture.SignedInPageAsync($"#/partnership/{partnership.Id}");
        var radars = page.Locator("[data-testid=radars]");
        var evidenced = page.Locator("[data-testid=radar-evidenced-shape]");
        await Assertions.Expect(evidenced).ToHaveCountAsync(1);
        var now = await evidenced.GetAttributeAsync("points");
        var asOfNow = await radars.GetAttributeAsync("data-as-of");
        await Assertions.Expect(page.Locator("[data-testid=history] li").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "partnership-now");

        await page.Locator("[data-testid=as-of-slider]").FillAsync("20");   // 20 days after the partnership was formed

        await Assertions.Expect(radars).Not.ToHaveAttributeAsync("data-as-of", asOfNow!);
        await Assertions.Expect(evidenced).Not.ToHaveAttributeAsync("points", now!);
        var asOf = DateTimeOffset.Parse((await radars.GetAttributeAsync("data-as-of"))!);
        Assert.Equal(await LevelsAsOfAsync(partnership.Id, asOf, "level"), await RadarLevelsAsync(page, "evidenced"));
        Assert.Equal(await LevelsAsOfAsync(partnership.Id, asOf, "assessedLevel"), await RadarLevelsAsync(page, "assessed"));
        await Assertions.Expect(page.Locator("#rhythm-title")).ToHaveTextAsync($"Meeting rhythm as of {asOf.UtcDateTime:yyyy-MM-dd}");
        await BrowserFixture.ScreenshotAsync(page, "partnership-as-of");
    }

    [Fact]
    public async Task Next_steps_cover_every_function_below_dynamic_with_its_missing_evidence()
    {
        var partnership = fixture.Partnerships.First(p => p.Profile == PartnershipLedger.Demo.DemoProfile.Decaying);
        var maturity = await GraphQLAsync($"{{ partnership(id: \"{partnership.Id}\") {{ maturity {{ function level nextLevelNeeds }} }} }}");
        var belowDynamic = maturity.GetProperty("partnership").GetProperty("maturity").EnumerateArray()
            .Where(m => m.GetProperty("level").GetString() != "DYNAMIC").ToList();

        var page = await fixture.SignedInPageAsync($"#/partnership/{partnership.Id}/next-steps");

        var steps = page.Locator("[data-testid=next-step]");
        await Assertions.Expect(steps).ToHaveCountAsync(belowDynamic.Count);
        foreach (var function in belowDynamic)
        {
            var step = page.Locator($"[data-testid=next-step][data-function={function.GetProperty("function").GetString()}]");
            await Assertions.Expect(step.Locator("[data-testid=missing-evidence]")).ToHaveTextAsync(function.GetProperty("nextLevelNeeds").GetString()!);
            await Assertions.Expect(step.Locator(".framework")).Not.ToBeEmptyAsync();
        }
        await BrowserFixture.ScreenshotAsync(page, "next-steps");
    }

    [Fact]
    public async Task Answering_a_self_assessment_records_it_and_shows_the_level_it_scored()
    {
        var partnership = fixture.Partnerships.First(p => p.Profile == PartnershipLedger.Demo.DemoProfile.Steady);
        var members = (await GraphQLAsync($"{{ partnership(id: \"{partnership.Id}\") {{ members {{ id name }} }} }}"))
            .GetProperty("partnership").GetProperty("members").EnumerateArray().ToList();
        var member = members[1];
        var answers = new[] { true, true, true, true, false, false, false };
        var expected = (await GraphQLAsync("query($a: [Boolean!]!) { scoreAssessment(function: AGREEMENT, answers: $a) }", new { a = answers })).GetProperty("scoreAssessment").GetString()!;
        var page = await fixture.SignedInPageAsync($"#/partnership/{partnership.Id}/self-assessment?function=AGREEMENT&member={member.GetProperty("id").GetString()}");
        var questions = page.Locator("fieldset.question");
        await Assertions.Expect(questions).ToHaveCountAsync(answers.Length);

        for (var i = 0; i < answers.Length; i++)
            await questions.Nth(i).GetByLabel(answers[i] ? "Yes" : "No", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record this self-assessment" }).ClickAsync();

        var result = page.Locator("[data-testid=assessment-result]");
        await Assertions.Expect(result).ToContainTextAsync($"{member.GetProperty("name").GetString()} assessed Agreement at");
        await Assertions.Expect(result.Locator($".level[data-level={expected}]")).ToBeVisibleAsync();
        await Assertions.Expect(result).ToContainTextAsync("(4 of 7 yes)");
        var recorded = (await GraphQLAsync($"{{ partnership(id: \"{partnership.Id}\") {{ maturity {{ function assessments {{ organizationId level yesCount }} }} }} }}"))
            .GetProperty("partnership").GetProperty("maturity").EnumerateArray().Single(m => m.GetProperty("function").GetString() == "AGREEMENT")
            .GetProperty("assessments").EnumerateArray().Single(a => a.GetProperty("organizationId").GetString() == member.GetProperty("id").GetString());
        Assert.Equal(expected, recorded.GetProperty("level").GetString());
        Assert.Equal(4, recorded.GetProperty("yesCount").GetInt32());
        await BrowserFixture.ScreenshotAsync(page, "self-assessment");
    }

    [Fact]
    public async Task The_audit_page_lists_a_partnerships_facts_with_who_recorded_them()
    {
        var partnership = fixture.Maturing;
        var page = await fixture.SignedInPageAsync($"#/audit?partnership={partnership.Id}");

        var rows = page.Locator("[data-testid=audit-table] tbody tr");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=audit-table]")).ToContainTextAsync("PartnershipFormed");
        Assert.True(await rows.CountAsync() > 10, "a maturing demo partnership has dozens of facts");

        await page.Locator("input[name=types]").FillAsync("PartnershipFormed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(page, "audit");
    }

    [Fact]
    public async Task Signing_in_with_a_fragment_stores_the_token_removes_it_from_the_address_and_sends_it()
    {
        var token = await BrowserTokens.AdminTokenAsync(fixture);
        var page = await fixture.SignedInPageAsync();
        var request = await page.RunAndWaitForRequestAsync(() => page.GotoAsync($"{fixture.BaseUrl}/#/audit"), r => r.Url.EndsWith("/graphql") && r.Method == "POST");

        Assert.DoesNotContain("token=", page.Url);
        Assert.Equal(token, await page.EvaluateAsync<string>("localStorage.getItem('ledger.token')"));
        Assert.Equal($"Bearer {token}", await request.HeaderValueAsync("authorization"));
    }

    [Fact]
    public async Task A_token_the_api_refuses_returns_to_sign_in_with_its_reason()
    {
        var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync($"{fixture.BaseUrl}/#token=not-a-token");

        // Hash routes change the URL without a page load: poll the URL rather than wait for a navigation.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#/sign-in"));
        await Assertions.Expect(page.Locator("[data-testid=sign-in-message]")).ToHaveTextAsync($"Please sign in again: {await RefusalOfAsync("not-a-token")}");
        Assert.Null(await page.EvaluateAsync<string?>("localStorage.getItem('ledger.token')"));
        await BrowserFixture.ScreenshotAsync(page, "sign-in");

        await page.Locator("#token").FillAsync(await BrowserTokens.AdminTokenAsync(fixture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=heatmap]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#signed-in")).ToHaveTextAsync($"{BrowserTokens.AdminUser} · admin");
    }

    /// <summary>Each function's level as the radar's dots carry it, in model order.</summary>
    private static async Task<IReadOnlyList<string>> RadarLevelsAsync(IPage page, string kind) =>
        await page.Locator($"[data-testid=radar-{kind}] circle.radar-dot").EvaluateAllAsync<string[]>("dots => dots.map(dot => dot.dataset.level)");

    /// <summary>Each function's level (field "level" or "assessedLevel") at asOf, as the API answers; NONE when null.</summary>
    private async Task<IReadOnlyList<string>> LevelsAsOfAsync(Guid partnershipId, DateTimeOffset asOf, string field)
    {
        var data = await GraphQLAsync($"query($id: ID!, $asOf: DateTime!) {{ partnership(id: $id) {{ maturity(asOf: $asOf) {{ {field} }} }} }}", new { id = partnershipId, asOf });
        return data.GetProperty("partnership").GetProperty("maturity").EnumerateArray().Select(m => m.GetProperty(field).GetString() ?? "NONE").ToList();
    }

    /// <summary>The API's own message when it refuses this token (401, UNAUTHENTICATED).</summary>
    private async Task<string> RefusalOfAsync(string token)
    {
        using var http = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var response = await http.PostAsJsonAsync("/graphql", new { query = "{ me { user } }" });
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0];
        Assert.Equal("UNAUTHENTICATED", error.GetProperty("extensions").GetProperty("code").GetString());
        return error.GetProperty("message").GetString()!;
    }

    private async Task<JsonElement> GraphQLAsync(string query, object? variables = null)
    {
        using var http = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", await BrowserTokens.AdminTokenAsync(fixture));
        var response = await http.PostAsJsonAsync("/graphql", new { query, variables });
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.False(body.TryGetProperty("errors", out var errors), $"unexpected errors: {errors}");
        return body.GetProperty("data");
    }
}
