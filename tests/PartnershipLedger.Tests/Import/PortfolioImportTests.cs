using System.Text.Json;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PartnershipLedger.Audit;
using PartnershipLedger.Demo;
using PartnershipLedger.Import;
using PartnershipLedger.Maturity;
using PartnershipLedger.Model;
using PartnershipLedger.Recording;
using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.Import;

public sealed class PortfolioImportTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly Actor Importer = Actor.Admin("ada.importer");

    private DocumentStore Store => (DocumentStore)Host.Services.GetRequiredService<IDocumentStore>();
    private MaturityModel Model => Host.Services.GetRequiredService<MaturityModel>();
    private MaturityEvaluator Evaluator => Host.Services.GetRequiredService<MaturityEvaluator>();
    private IProjectionDaemon Daemon => Host.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();

    [Fact]
    public async Task A_generated_portfolio_is_stored_as_events_stamped_by_the_importer_and_chained_with_every_projection_built()
    {
        var file = await GenerateAsync(partnerships: 12);

        var result = await PortfolioImport.ImportAsync(Store, Model, Evaluator, file, Importer, DateTimeOffset.UtcNow);

        Assert.Equal(File.ReadLines(file).Count(), result.Events);
        Assert.Equal(result.Events, await ScalarAsync("select count(*) from {0}.mt_events where user_name = 'ada.importer' and causation_id like 'line %'"));
        Assert.Equal(1, await ScalarAsync("select count(distinct correlation_id) from {0}.mt_events"));
        Assert.Equal(0, await ScalarAsync("select count(*) from {0}.mt_streams s where s.version <> (select count(*) from {0}.mt_events e where e.stream_id = s.id)"));
        Assert.Equal(result.Events, await ScalarAsync("select count(*) from {0}.mt_events e join {0}.mt_streams s on s.id = e.stream_id"));
        Assert.Equal(12, await ScalarAsync("select count(*) from {0}.mt_doc_partnershipmaturity"));
        // Three years of facts are TOASTed, compressed with the app's lz4 (Ledger:DocumentCompression), not pglz.
        Assert.Equal(12, await ScalarAsync("select count(*) from {0}.mt_doc_partnershipmaturity where pg_column_compression(data) = 'lz4'"));
        Assert.Equal(12, await ScalarAsync("select count(*) from {0}.mt_doc_partnershipsummary"));
        Assert.True(await ScalarAsync("select count(*) from {0}.mt_doc_maturitytrendbucket") > 0);
        await using (var session = Store.QuerySession())
        {
            var check = await LedgerVerification.VerifyAsync(session, Actor.Admin("auditor"), null, CancellationToken.None);
            Assert.True(check.Intact, $"The imported hash chain is broken: {check.FirstBrokenLink}");
            Assert.Equal(result.Events, check.EventsChecked);
        }

        var partnership = await ScalarTextAsync("select id::text from {0}.mt_doc_partnershipmaturity order by id limit 1");
        var answer = await Host.GraphQLAsync($"{{ partnership(id: \"{partnership}\") {{ name maturity {{ function level }} timeline {{ edges {{ node {{ actor }} }} }} }} }}");
        Assert.Equal(10, answer.Data("partnership").GetProperty("maturity").GetArrayLength());
        Assert.Contains("ada.importer", answer.ToString());
    }

    [Fact]
    public async Task A_refused_record_names_its_line_and_problem_and_nothing_of_the_import_is_stored()
    {
        var file = await GenerateAsync(partnerships: 12);
        var lines = await File.ReadAllLinesAsync(file);
        var lead = Array.FindIndex(lines, line => line.Contains("\"type\":\"LeadShared\""));
        lines[lead] = lines[lead].Replace("\"interestExpressed\":true", "\"interestExpressed\":false");
        await File.WriteAllLinesAsync(file, lines);

        var refused = await Assert.ThrowsAsync<ImportRejectedException>(() => PortfolioImport.ImportAsync(Store, Model, Evaluator, file, Importer, DateTimeOffset.UtcNow));

        Assert.Equal(lead + 1, refused.Line);
        Assert.Contains("reversed lead", refused.Message);
        Assert.Equal(0, await ScalarAsync("select count(*) from {0}.mt_events"));
        Assert.Equal(0, await ScalarAsync("select count(*) from {0}.mt_streams"));
    }

    [Fact]
    public async Task A_string_in_a_records_data_whose_escapes_make_no_text_is_refused_with_its_line()
    {
        var file = await GenerateAsync(partnerships: 6);
        var lines = await File.ReadAllLinesAsync(file);
        var meeting = Array.FindIndex(lines, line => line.Contains("\"type\":\"PartnerMeetingHeld\"") && line.Contains("\"topic\":\""));
        lines[meeting] = System.Text.RegularExpressions.Regex.Replace(lines[meeting], "\"topic\":\"[^\"]*\"", "\"topic\":\"\\ud800\"");
        await File.WriteAllLinesAsync(file, lines);

        var refused = await Assert.ThrowsAsync<ImportRejectedException>(() => PortfolioImport.ImportAsync(Store, Model, Evaluator, file, Importer, DateTimeOffset.UtcNow));

        Assert.Equal(meeting + 1, refused.Line);
        Assert.StartsWith("data", refused.Problems.Single());
        Assert.Equal(0, await ScalarAsync("select count(*) from {0}.mt_events"));
    }

    [Fact]
    public async Task A_record_referring_to_a_ref_not_defined_before_it_is_refused_before_anything_is_written()
    {
        var file = await GenerateAsync(partnerships: 6);
        var lines = await File.ReadAllLinesAsync(file);
        var meeting = Array.FindIndex(lines, line => line.Contains("\"type\":\"PartnerMeetingHeld\""));
        lines[meeting] = System.Text.RegularExpressions.Regex.Replace(lines[meeting], "\"stream\":\"p[0-9]+\"", "\"stream\":\"p999\"");
        await File.WriteAllLinesAsync(file, lines);

        var refused = await Assert.ThrowsAsync<ImportRejectedException>(() => PortfolioImport.ImportAsync(Store, Model, Evaluator, file, Importer, DateTimeOffset.UtcNow));

        Assert.Equal(meeting + 1, refused.Line);
        Assert.Contains("'p999'", refused.Message);
        Assert.Equal(0, await ScalarAsync("select count(*) from {0}.mt_streams"));
    }

    [Fact]
    public async Task Rebuilding_every_projection_of_a_generated_portfolio_recorded_command_by_command_by_the_daemon_or_in_memory_gives_the_same_documents()
    {
        var plan = DemoPortfolio.Generate(Model, DateTimeOffset.UtcNow, partnerships: 10, seed: 3);
        await DemoLoader.LoadAsync(Host.Services, plan, NullLogger.Instance);
        await QuietAsync();
        var incremental = await DocumentsAsync();

        await ProjectionRebuild.RebuildAllAsync(Store, Daemon, null, CancellationToken.None);
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var rebuilt = await DocumentsAsync();
        // An event of a type the ledger does not know (Marten's own tombstones, an event type since retired) folds into nothing.
        await RecordForeignEventAsync();
        await ProjectionRebuild.RebuildInMemoryAsync(Store, Evaluator, null, CancellationToken.None);
        var rebuiltInMemory = await DocumentsAsync();

        Assert.True(incremental.Count > 100);
        AssertSameDocuments(incremental, rebuilt);
        AssertSameDocuments(incremental, rebuiltInMemory);
    }

    private async Task RecordForeignEventAsync()
    {
        await using var connection = await OpenAsync();
        var stream = Guid.CreateVersion7();
        await using var insert = new NpgsqlCommand(
            $"""
            insert into {DocumentTables.Streams(Store)} (id, version) values (@stream, 1);
            insert into {DocumentTables.Events(Store)} (seq_id, id, stream_id, version, data, type, mt_dotnet_type)
              values (nextval('{DocumentTables.EventSequence(Store)}'), @id, @stream, 1, @data::jsonb, 'retired_event', 'Elsewhere.RetiredEvent, Elsewhere');
            """, connection);
        insert.Parameters.AddWithValue("stream", stream);
        insert.Parameters.AddWithValue("id", Guid.CreateVersion7());
        insert.Parameters.AddWithValue("data", """{"Note": "retired"}""");
        await insert.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task The_documents_an_import_builds_are_the_ones_a_rebuild_from_its_events_gives()
    {
        var file = await GenerateAsync(partnerships: 12);
        await PortfolioImport.ImportAsync(Store, Model, Evaluator, file, Importer, DateTimeOffset.UtcNow);
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var imported = await DocumentsAsync();

        await ProjectionRebuild.RebuildAllAsync(Store, Daemon, null, CancellationToken.None);
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var rebuilt = await DocumentsAsync();

        Assert.True(imported.Count > 100);
        AssertSameDocuments(imported, rebuilt);
    }

    [Fact]
    public async Task Imported_agreements_get_their_review_reminders_once_the_api_schedules_them()
    {
        var now = DateTimeOffset.UtcNow;
        string At(TimeSpan ago) => (now - ago).ToString("O");
        var file = TemporaryFile(".jsonl");
        await File.WriteAllLinesAsync(file,
        [
            $$$"""{"type":"OrganizationRegistered","ref":"o1","occurredAt":"{{{At(TimeSpan.FromDays(900))}}}","data":{"name":"Contoso","partnerTypes":["Isv"],"homeRegion":"US-WA"}}""",
            $$$"""{"type":"OrganizationRegistered","ref":"o2","occurredAt":"{{{At(TimeSpan.FromDays(900))}}}","data":{"name":"Fabrikam","partnerTypes":["Isv"],"homeRegion":"US-WA"}}""",
            $$$"""{"type":"PartnershipFormed","ref":"p1","by":"o1","occurredAt":"{{{At(TimeSpan.FromDays(800))}}}","data":{"name":"Contoso + Fabrikam","memberIds":["o1","o2"]}}""",
            // Never reviewed: overdue a year after signing, which has passed.
            $$$"""{"type":"AgreementSigned","stream":"p1","ref":"p1.old","by":"o1","occurredAt":"{{{At(TimeSpan.FromDays(430))}}}","data":{"kind":"Mou"}}""",
            // Signed two months ago: its review falls due in ten months.
            $$$"""{"type":"AgreementSigned","stream":"p1","ref":"p1.new","by":"o1","occurredAt":"{{{At(TimeSpan.FromDays(60))}}}","data":{"kind":"LetterOfIntent"}}""",
        ]);
        await PortfolioImport.ImportAsync(Store, Model, Evaluator, file, Importer, now);
        var partnership = Guid.Parse(await ScalarTextAsync("select id::text from {0}.mt_doc_partnershipsummary"));
        Assert.Equal(1, await ScalarAsync("select count(*) from {0}.mt_doc_importedreviewreminders where data ->> 'ScheduledAt' is null"));

        // A second node that read the document unscheduled, before this one scheduled it, cannot store it as well.
        await using var otherNode = Store.LightweightSession();
        var readByOtherNode = (await otherNode.LoadAsync<PartnershipLedger.Functions.Agreement.ImportedReviewReminders>(
            await ScalarTextAsync("select id from {0}.mt_doc_importedreviewreminders")))!;

        var scheduler = Host.Services.GetRequiredService<PartnershipLedger.Functions.Agreement.ImportedReviewReminderScheduler>();
        Assert.Equal(2, await scheduler.ScheduleAsync(CancellationToken.None));
        Assert.Equal(0, await scheduler.ScheduleAsync(CancellationToken.None));   // scheduled once
        readByOtherNode.ScheduledAt = DateTimeOffset.UtcNow;
        otherNode.Store(readByOtherNode);
        await Assert.ThrowsAnyAsync<JasperFx.ConcurrencyException>(() => otherNode.SaveChangesAsync());

        // The past one runs after the grace (none in tests) and records the overdue review at its due instant.
        var overdue = await Host.WaitForEventAsync(partnership, "AgreementReviewOverdue");
        Assert.Equal((now - TimeSpan.FromDays(430)).AddYears(1), DateTimeOffset.Parse(overdue.GetProperty("occurredAt").GetString()!), TimeSpan.FromSeconds(1));
        // The other waits for its due instant.
        var waiting = await ScalarTextAsync("select min(execution_time)::text from {0}.wolverine_incoming_envelopes where message_type like '%AgreementReviewDue%' and execution_time > now()");
        Assert.Equal((now - TimeSpan.FromDays(60)).AddYears(1), DateTimeOffset.Parse(waiting), TimeSpan.FromSeconds(1));
    }

    /// <summary>The same documents with the same content; the first difference, if any, shown where it starts.</summary>
    private static void AssertSameDocuments(Dictionary<string, string> expected, Dictionary<string, string> actual)
    {
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        var different = expected.Keys.Order().FirstOrDefault(key => expected[key] != actual[key]);
        if (different is null) return;
        var (left, right) = (expected[different], actual[different]);
        var at = Enumerable.Range(0, Math.Min(left.Length, right.Length)).FirstOrDefault(i => left[i] != right[i]);
        Assert.Fail($"{different} differs at {at}:\n  {left[Math.Max(0, at - 80)..Math.Min(left.Length, at + 120)]}\n  {right[Math.Max(0, at - 80)..Math.Min(right.Length, at + 120)]}");
    }

    /// <summary>Waits until every reminder already due has run (back-dated agreements schedule them) and the async projections caught up.</summary>
    private async Task QuietAsync()
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            var waiting = await ScalarAsync("select count(*) from {0}.wolverine_incoming_envelopes where execution_time is null or execution_time <= now()");
            if (waiting == 0) break;
            await Task.Delay(250);
        }
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
    }

    private async Task<Dictionary<string, string>> DocumentsAsync()
    {
        var documents = new Dictionary<string, string>();
        string[] tables = ["partnership", "partnershipsummary", "organization", "circleoftrust", "partnershipmaturity", "maturitytimeline", "maturitytrendbucket", "partnershiptrendcontribution"];
        await using var connection = await OpenAsync();
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand($"select id::text, data::text from {Schema}.mt_doc_{table}", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var data = Canonical(reader.GetString(1));
                // A trend bucket whose contributions cancelled out adds nothing: a rebuild does not write it.
                if (table == "maturitytrendbucket" && data.Contains("\"Downs\":0,") && data.Contains("\"Net\":[0,0,0,0]") && data.Contains("\"Ups\":0")) continue;
                documents[$"{table}/{reader.GetString(0)}"] = data;
            }
        }
        return documents;
    }

    /// <summary>jsonb text with object keys in one order, so equal documents compare equal.</summary>
    private static string Canonical(string json) => JsonSerializer.Serialize(Sort(JsonDocument.Parse(json).RootElement));

    private static object? Sort(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new SortedDictionary<string, object?>(element.EnumerateObject().ToDictionary(p => p.Name, p => Sort(p.Value)), StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select(Sort).ToList(),
        _ => element.Clone(),
    };

    private string Schema => Store.Options.Events.DatabaseSchemaName;

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        return connection;
    }

    private async Task<string> GenerateAsync(int partnerships)
    {
        var file = TemporaryFile(".jsonl");
        await using var output = new StreamWriter(file);
        await PortfolioGenerator.WriteAsync(Model, DateTimeOffset.UtcNow.AddDays(-1), partnerships, years: 3, seed: 5, output);
        return file;
    }
}
