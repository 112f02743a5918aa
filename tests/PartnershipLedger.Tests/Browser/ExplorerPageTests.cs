using Microsoft.Playwright;

namespace PartnershipLedger.Tests.Browser;

/// <summary>The GraphQL explorer at /graphql in Chromium: GraphiQL from the app's own bundle, with the token.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ExplorerPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_explorer_shows_the_schema_docs_and_runs_an_example_with_the_token()
    {
        var token = await BrowserTokens.AdminTokenAsync(fixture);
        var page = await fixture.SignedInPageAsync();
        var external = new List<string>();
        page.Request += (_, request) => { if (!request.Url.StartsWith(fixture.BaseUrl)) external.Add(request.Url); };

        await page.GotoAsync($"{fixture.BaseUrl}/graphql");

        await Assertions.Expect(page.Locator(".graphiql-container")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator(".graphiql-doc-explorer")).ToContainTextAsync("Query", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator(".graphiql-editor-tool")).ToContainTextAsync($"Bearer {token}");
        await Assertions.Expect(page.Locator(".graphiql-tab")).ToHaveCountAsync(6);

        var run = await page.RunAndWaitForRequestAsync(
            () => page.Locator(".graphiql-execute-button").ClickAsync(),
            request => request.Url.EndsWith("/graphql") && request.Method == "POST" && (request.PostData ?? "").Contains("MaturityNow"));
        Assert.Equal($"Bearer {token}", await run.HeaderValueAsync("authorization"));
        await Assertions.Expect(page.Locator(".graphiql-response")).ToContainTextAsync("totalCount", new() { Timeout = 20_000 });
        Assert.Empty(external);
        await BrowserFixture.ScreenshotAsync(page, "explorer");
    }
}
