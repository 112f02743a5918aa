using System.Text;
using System.Text.Json;
using Alba;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PartnershipLedger.Import;
using PartnershipLedger.Maturity;
using PartnershipLedger.Model;
using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.Import;

/// <summary>POST /import: the command-line import through the API, for admins only, stamped with the caller.</summary>
public sealed class ImportEndpointTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private DocumentStore Store => (DocumentStore)Host.Services.GetRequiredService<IDocumentStore>();

    private async Task<string> PortfolioAsync(int partnerships)
    {
        var text = new StringWriter();
        await PortfolioGenerator.WriteAsync(Host.Services.GetRequiredService<MaturityModel>(), DateTimeOffset.UtcNow.AddDays(-1), partnerships, years: 2, seed: 11, text);
        return text.ToString();
    }

    private async Task<(int Status, JsonElement Body)> PostAsync(string body, As? caller, string contentType = "application/x-ndjson", string? idempotencyKey = null)
    {
        Action<Scenario> configure = scenario =>
        {
            scenario.Post.Text(body).ToUrl("/import");
            scenario.WithRequestHeader("Content-Type", contentType);
            if (idempotencyKey is not null) scenario.WithRequestHeader("Idempotency-Key", idempotencyKey);
            scenario.IgnoreStatusCode();
        };
        var result = caller is null ? await Host.Scenario(configure) : await Host.ScenarioWithTokenAsync(configure, caller);
        return (result.Context.Response.StatusCode, JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement);
    }

    [Fact]
    public async Task An_admin_imports_a_portfolio_stamped_with_their_name_and_every_projection_is_current()
    {
        var portfolio = await PortfolioAsync(partnerships: 5);
        var daemon = Host.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        if (daemon.StatusFor(MaturityTrendProjection.Shard) != JasperFx.AgentStatus.Running) await daemon.StartAgentAsync(MaturityTrendProjection.Shard, CancellationToken.None);   // as in a serving API

        var (status, body) = await PostAsync(portfolio, new As("grace@ledger.test"));

        Assert.Equal(200, status);
        var records = portfolio.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.Equal(records, body.GetProperty("imported").GetProperty("events").GetInt64());
        await using (var session = Store.QuerySession())
            Assert.Equal(records, await session.Events.QueryAllRawEvents().CountAsync(e => e.UserName == "grace@ledger.test"));
        var partnerships = (await Host.GraphQLAsync("{ partnerships(first: 10) { totalCount edges { node { maturity { level } } } } }")).Data("partnerships");
        Assert.Equal(5, partnerships.GetProperty("totalCount").GetInt32());
        Assert.Equal(JasperFx.AgentStatus.Running, daemon.StatusFor(MaturityTrendProjection.Shard));   // stopped during the import, running again
    }

    [Fact]
    public async Task An_import_through_the_api_has_its_review_reminders_scheduled_at_once_not_at_the_next_interval()
    {
        // The tests' interval is a day: only the nudge after POST /import can schedule them within the test.
        var (status, _) = await PostAsync(await PortfolioAsync(partnerships: 5), new As("grace@ledger.test"));
        Assert.Equal(200, status);

        await using var session = Store.QuerySession();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await PartnershipLedger.Functions.Agreement.ImportedReviewReminders.Unscheduled(session).AnyAsync() && waited.Elapsed < TimeSpan.FromSeconds(20))
            await Task.Delay(100);

        var imports = await session.Query<PartnershipLedger.Functions.Agreement.ImportedReviewReminders>().ToListAsync();
        Assert.Single(imports);
        Assert.NotEmpty(imports[0].Reminders);
        Assert.NotNull(imports[0].ScheduledAt);
    }

    [Fact]
    public async Task Commands_recorded_while_an_import_runs_are_numbered_outside_its_block_of_the_event_sequence()
    {
        var portfolio = await PortfolioAsync(partnerships: 12);

        var import = PostAsync(portfolio, As.Admin);
        var registered = new List<Guid>();
        while (!import.IsCompleted) registered.Add(await Host.RegisterOrganizationAsync($"Live {registered.Count}"));
        var (status, body) = await import;

        Assert.Equal(200, status);
        await using var session = Store.QuerySession();
        var imported = await session.Events.QueryAllRawEvents().Where(e => e.CorrelationId!.StartsWith("import-")).Select(e => e.Sequence).ToListAsync();
        Assert.Equal(body.GetProperty("imported").GetProperty("events").GetInt64(), imported.Count);
        Assert.Equal(imported.Count, imported.Max() - imported.Min() + 1);   // one unbroken block
        var live = await session.Events.QueryAllRawEvents().Where(e => e.EventTypeName == "organization_registered" && !e.CorrelationId!.StartsWith("import-")).Select(e => e.Sequence).ToListAsync();
        Assert.NotEmpty(registered);
        Assert.Equal(registered.Count, live.Count);
        Assert.All(live, sequence => Assert.True(sequence < imported.Min() || sequence > imported.Max()));
    }

    [Fact]
    public async Task A_retry_under_the_same_idempotency_key_imports_nothing_and_answers_the_first_imports_figures()
    {
        var portfolio = await PortfolioAsync(partnerships: 2);
        var records = portfolio.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        var key = $"portfolio-{Guid.NewGuid():N}";
        var before = await Host.ImportedEventCountAsync();

        var (first, firstBody) = await PostAsync(portfolio, new As("grace@ledger.test"), idempotencyKey: key);
        var (retry, retryBody) = await PostAsync(portfolio, new As("grace@ledger.test"), idempotencyKey: key);

        Assert.Equal(200, first);
        Assert.False(firstBody.TryGetProperty("replayed", out _));
        Assert.Equal(200, retry);
        Assert.True(retryBody.GetProperty("replayed").GetBoolean());
        Assert.Equal(records, retryBody.GetProperty("imported").GetProperty("events").GetInt64());
        Assert.Equal("grace@ledger.test", retryBody.GetProperty("importedBy").GetString());
        Assert.Equal(before + records, await Host.ImportedEventCountAsync());   // stored once

        // An import outside the API (as the command line runs it) honours the same receipt.
        var file = TemporaryFile(".jsonl");
        await File.WriteAllTextAsync(file, portfolio);
        var done = await Assert.ThrowsAsync<ImportAlreadyDoneException>(() => PortfolioImport.ImportAsync(
            Store, Host.Services.GetRequiredService<MaturityModel>(), Host.Services.GetRequiredService<MaturityEvaluator>(), file, ImportedEventMetadata.CommandLineImporter(),
            DateTimeOffset.UtcNow, idempotencyKey: key));
        Assert.Contains(key, done.Message);
        Assert.Equal(before + records, await Host.ImportedEventCountAsync());
    }

    [Fact]
    public async Task An_import_that_loses_the_race_on_its_key_stores_nothing_and_answers_the_winners_figures()
    {
        var portfolio = await PortfolioAsync(partnerships: 1);
        var key = $"race-{Guid.NewGuid():N}";
        var file = TemporaryFile(".jsonl");
        await File.WriteAllTextAsync(file, portfolio);
        // The winner: its receipt is written but not committed while the loser starts, so the loser's first check
        // finds nothing and it imports; its own receipt then waits on the key and fails once the winner commits.
        await using var connection = Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var winner = await connection.BeginTransactionAsync();
        await new ImportReceipt { Id = key, Events = 42, Streams = 7, ImportedBy = "winner@ledger.test", ImportedAt = DateTimeOffset.UtcNow, CorrelationId = "import-winner" }
            .InsertAsync(Store, connection, CancellationToken.None);
        var loser = PortfolioImport.ImportAsync(Store, Host.Services.GetRequiredService<MaturityModel>(), Host.Services.GetRequiredService<MaturityEvaluator>(), file,
            ImportedEventMetadata.CommandLineImporter(), DateTimeOffset.UtcNow, idempotencyKey: key);
        await Task.Delay(TimeSpan.FromSeconds(1));
        await winner.CommitAsync();

        var done = await Assert.ThrowsAsync<ImportAlreadyDoneException>(() => loser);

        Assert.Equal(42, done.Receipt.Events);
        Assert.Equal("winner@ledger.test", done.Receipt.ImportedBy);
        Assert.Equal(0, await Host.ImportedEventCountAsync());
    }

    [Fact]
    public async Task A_malformed_idempotency_key_is_refused_before_anything_is_stored()
    {
        var portfolio = await PortfolioAsync(partnerships: 1);
        var before = await Host.ImportedEventCountAsync();

        foreach (var key in new[] { new string('k', ImportReceipt.MaxKeyLength + 1), " ", "line\u0001break" })
        {
            var (status, body) = await PostAsync(portfolio, new As("grace@ledger.test"), idempotencyKey: key);

            Assert.Equal(400, status);
            Assert.StartsWith("Idempotency-Key: the idempotency key", body.GetProperty("error").GetProperty("message").GetString());
        }
        Assert.Equal(before, await Host.ImportedEventCountAsync());
    }

    [Fact]
    public async Task A_refused_record_answers_400_with_its_line_and_nothing_is_stored()
    {
        var lines = (await PortfolioAsync(partnerships: 3)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var lead = Array.FindIndex(lines, line => line.Contains("\"type\":\"LeadShared\""));
        lines[lead] = lines[lead].Replace("\"interestExpressed\":true", "\"interestExpressed\":false");

        var (status, body) = await PostAsync(string.Join('\n', lines), As.Admin);

        Assert.Equal(400, status);
        Assert.Equal("VALIDATION", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(lead + 1, body.GetProperty("error").GetProperty("line").GetInt32());
        Assert.StartsWith($"Nothing was imported: line {lead + 1}:", body.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(0, await Host.ImportedEventCountAsync());
    }

    [Fact]
    public async Task Members_and_callers_without_a_token_are_refused_and_nothing_is_stored()
    {
        var portfolio = await PortfolioAsync(partnerships: 2);

        var (anonymous, _) = await PostAsync(portfolio, caller: null);
        var contoso = await Host.RegisterOrganizationAsync("Contoso");
        var (member, body) = await PostAsync(portfolio, new As("ada@contoso.example", contoso));
        var (auditor, _) = await PostAsync(portfolio, new As("ivy@audit.example", contoso, PartnershipLedger.Access.Role.Auditor));

        Assert.Equal(401, anonymous);
        Assert.Equal(403, member);
        Assert.Equal(403, auditor);
        Assert.Equal("FORBIDDEN", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(0, await Host.ImportedEventCountAsync());
    }

    [Theory]
    [InlineData("", "application/x-ndjson", 400)]
    [InlineData("{}", "multipart/form-data", 415)]
    [InlineData("not json", "application/x-ndjson", 400)]
    public async Task A_body_that_is_not_an_import_file_is_refused_with_a_reason(string body, string contentType, int expected)
    {
        var (status, answer) = await PostAsync(body, As.Admin, contentType);

        Assert.Equal(expected, status);
        Assert.False(string.IsNullOrWhiteSpace(answer.GetProperty("error").GetProperty("message").GetString()));
        Assert.Equal(0, await Host.ImportedEventCountAsync());
    }
}
