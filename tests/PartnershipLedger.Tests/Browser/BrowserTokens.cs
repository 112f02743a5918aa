using PartnershipLedger.Api.Access;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Tests.Browser;

/// <summary>
/// The one place browser tests get a token from: an admin token the ledger issues itself (as ops/run's development
/// token), once per run. Rewire here to test the dashboard as a member or an auditor.
/// </summary>
public static class BrowserTokens
{
    public const string AdminUser = "browser-tests@ledger.test";
    private static Task<string>? admin;

    public static Task<string> AdminTokenAsync(BrowserFixture fixture) =>
        admin ??= DevelopmentToken.IssueAsync(fixture.Services, Actor.Admin(AdminUser), CancellationToken.None);
}
