namespace PartnershipLedger.Tests.Browser;

/// <summary>
/// The one place browser tests get a token from. The API does not check tokens yet, so any text will do; when access
/// control lands, issue a real admin token here (e.g. read the one the host wrote, or call issueToken) and every
/// browser test follows.
/// </summary>
public static class BrowserTokens
{
    public static Task<string> AdminTokenAsync(BrowserFixture fixture) => Task.FromResult("dev");
}
