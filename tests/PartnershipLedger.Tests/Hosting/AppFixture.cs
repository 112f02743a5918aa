using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Persistence.Durability;

namespace PartnershipLedger.Tests.Hosting;

/// <summary>One real host per test run: the app's own Program, on the real PostgreSQL of ops/test.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    public IAlbaHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>Starts the app as configured for tests; <paramref name="settings"/> override configuration keys.</summary>
    public static Task<IAlbaHost> StartAsync(params (string Key, string Value)[] settings) => StartAsync(_ => { }, settings);

    /// <summary>Starts the app as configured for tests, with extra services (e.g. a logger that captures what the app logs).</summary>
    public static Task<IAlbaHost> StartAsync(Action<IServiceCollection> services, params (string Key, string Value)[] settings)
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("ConnectionStrings__Ledger")))
            throw new InvalidOperationException("Integration tests need PostgreSQL: run them with ops/test, or set ConnectionStrings__Ledger.");
        return AlbaHost.For<Program>(builder =>
        {
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            // Back-dated agreements' reminders decide at once in tests (in production they wait for the back-fill).
            builder.UseSetting("Ledger:ReminderGrace", "00:00:00");
            // Imported agreements' reminders are scheduled when a test asks (ImportedReviewReminderScheduler.ScheduleAsync),
            // not by the scheduler's timer in the middle of another test's import; POST /import still has them scheduled at
            // once, as in production (its tests count only the imported events).
            builder.UseSetting("Ledger:ImportedRemindersInterval", "1.00:00:00");
            // Tests send requests far faster than people: the rate limits have tests of their own (their own hosts).
            builder.UseSetting("RateLimit:TokenPermitsPerMinute", "0");
            builder.UseSetting("RateLimit:UnauthenticatedPermitsPerMinute", "0");
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            builder.ConfigureServices(collection =>
            {
                collection.DisableAllExternalWolverineTransports();
                collection.ConfigureMarten(options => options.Logger(SqlCommandLog.Instance));
                services(collection);
            });
        });
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}

/// <summary>Base of every integration test: the shared host, with all data wiped before each test.</summary>
[Collection(AppCollection.Name)]
public abstract class IntegrationContext(AppFixture fixture) : IAsyncLifetime
{
    protected IAlbaHost Host => fixture.Host;

    public async Task InitializeAsync()
    {
        TestTokens.Forget(Host);
        await Host.ResetAllMartenDataAsync();
        await Host.Services.GetRequiredService<IMessageStore>().Admin.ClearAllAsync();
    }

    public Task DisposeAsync()
    {
        foreach (var file in temporaryFiles) File.Delete(file);
        return Task.CompletedTask;
    }

    private readonly List<string> temporaryFiles = [];

    /// <summary>A count <paramref name="sql"/> answers, where {0} stands for the ledger's schema.</summary>
    protected async Task<long> ScalarAsync(string sql) => Convert.ToInt64(await QueryScalarAsync(sql));

    /// <summary>A text <paramref name="sql"/> answers, where {0} stands for the ledger's schema.</summary>
    protected async Task<string> ScalarTextAsync(string sql) => (string)(await QueryScalarAsync(sql))!;

    private async Task<object?> QueryScalarAsync(string sql)
    {
        var store = (DocumentStore)Host.Services.GetRequiredService<IDocumentStore>();
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(string.Format(sql, store.Options.Events.DatabaseSchemaName), connection);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>A path for a file the test writes, deleted once the test is over.</summary>
    protected string TemporaryFile(string extension)
    {
        var file = Path.Combine(Path.GetTempPath(), $"ledger-test-{Guid.NewGuid():N}{extension}");
        temporaryFiles.Add(file);
        return file;
    }
}
