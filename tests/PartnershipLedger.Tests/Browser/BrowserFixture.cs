using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using PartnershipLedger.Demo;
using PartnershipLedger.Tests.Hosting;
using Wolverine;
using Wolverine.Persistence.Durability;

namespace PartnershipLedger.Tests.Browser;

/// <summary>
/// The app on a real socket (Kestrel on a free local port; Alba's TestServer has none) with a small demo portfolio
/// recorded through the app's own commands, and Debian's Chromium driven by Playwright. It keeps its data in its own
/// PostgreSQL schema (<see cref="Schema"/>), so the Alba tests, which wipe theirs before each test, can run beside it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Schema = "ledger_browser";
    private const int DemoPartnerships = 4;

    private WebApplicationFactory<Program> factory = null!;
    private IPlaywright playwright = null!;

    public string BaseUrl { get; private set; } = "";
    public IServiceProvider Services => factory.Services;
    public IBrowser Browser { get; private set; } = null!;
    public IReadOnlyList<LoadedPartnership> Partnerships { get; private set; } = [];

    /// <summary>Where screenshots go: test artefacts under .data/test-results (kept by ops/test).</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryFiles.Root, ".data", "test-results", "screenshots");

    /// <summary>Debian's Chromium, or LEDGER_CHROMIUM; never a downloaded browser.</summary>
    public static string ChromiumPath { get; } = Environment.GetEnvironmentVariable("LEDGER_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("ConnectionStrings__Ledger")))
            throw new InvalidOperationException("Browser tests need PostgreSQL: run them with ops/test, or set ConnectionStrings__Ledger.");
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Browser tests need Chromium at {ChromiumPath}: ops/test installs Debian's (apt-get install chromium).");

        // Program ends in RunJasperFxCommands(args): as under Alba, start the host rather than parse the factory's settings as a command.
        JasperFx.CommandLine.JasperFxEnvironment.AutoStartHost = true;
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Marten:Schema", Schema);
            // appsettings.json says 127.0.0.1:5080, where ops/run may be serving: a free port instead.
            builder.UseSetting("Urls", "http://127.0.0.1:0");
            builder.UseSetting("Ledger:ReminderGrace", "00:00:00");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.ConfigureServices(services => services.DisableAllExternalWolverineTransports());
        });
        factory.UseKestrel(0);
        factory.StartServer();
        var server = factory.Services.GetRequiredService<IServer>();
        BaseUrl = server.Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::1]", "127.0.0.1").TrimEnd('/');

        await factory.Services.ResetAllMartenDataAsync();
        await factory.Services.GetRequiredService<IMessageStore>().Admin.ClearAllAsync();
        var logger = factory.Services.GetRequiredService<ILoggerFactory>().CreateLogger(DemoStartup.LoggerName);
        var loaded = await DemoStartup.LoadUnlessPresentAsync(factory.Services, DemoPartnerships, logger)
            ?? throw new InvalidOperationException("The demo portfolio was not loaded: the browser tests' schema was not empty.");
        Partnerships = loaded.Partnerships;
        await factory.Services.GetRequiredService<IDocumentStore>().WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

        Directory.CreateDirectory(ScreenshotFolder);
        Assertions.SetDefaultExpectTimeout(15_000);   // the suite shares two cores with the Alba tests running beside it
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox"],
        });
    }

    /// <summary>A fresh page at 1280x800, signed in with the admin token through the URL fragment as a person would.</summary>
    public async Task<IPage> SignedInPageAsync(string route = "#/portfolio")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        var token = await BrowserTokens.AdminTokenAsync(this);
        await page.GotoAsync($"{BaseUrl}/#token={Uri.EscapeDataString(token)}");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#/portfolio"));
        if (route != "#/portfolio") await page.GotoAsync($"{BaseUrl}/{route}");
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    public LoadedPartnership Maturing => Partnerships.First(p => p.Profile == DemoProfile.Maturing);

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        if (factory is not null) await factory.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
