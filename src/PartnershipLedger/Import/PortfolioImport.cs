using System.Diagnostics;
using Marten;
using Npgsql;
using PartnershipLedger.CirclesOfTrust;
using PartnershipLedger.Functions.Agreement;
using PartnershipLedger.Maturity;
using PartnershipLedger.Model;
using PartnershipLedger.Organizations;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Import;

/// <summary>How far an import or rebuild has come: a phase and its count so far of a total.</summary>
public sealed record LedgerProgress(string Phase, long Done, long Total);

/// <summary>What an import stored, and where its time went.</summary>
public sealed record ImportResult(long Events, int Streams, TimeSpan Copy, TimeSpan Projections, TimeSpan Total)
{
    public double EventsPerSecond => Events / Total.TotalSeconds;
    public double CopyEventsPerSecond => Events / Copy.TotalSeconds;
}

/// <summary>
/// Imports a portfolio's history from a JSON Lines file (schema/import-format.md) in one transaction: every record is
/// decided by its command's own rules; the streams and events go into Marten's tables by binary COPY; a refused record
/// (its line and problems) rolls everything back. Each decided event's row is stamped and written on a thread of its own
/// (<see cref="ImportedEventWriter"/>). The documents of every projection are built in memory as the events go by; those
/// of finished partnerships are derived by batch on another thread and COPYed on a second connection by one more
/// (<see cref="ImportProjections"/>), committed after the events; then the tables are analyzed, so queries have current
/// documents and plans at once.
/// Under an idempotency key, a receipt is stored with the events: the same key again imports nothing
/// (<see cref="ImportAlreadyDoneException"/>).
/// </summary>
public static class PortfolioImport
{
    public static async Task<ImportResult> ImportAsync(
        DocumentStore store, MaturityModel model, MaturityEvaluator evaluator, string path, Actor importer, DateTimeOffset now,
        IProgress<LedgerProgress>? progress = null, CancellationToken cancellation = default, string? idempotencyKey = null)
    {
        var total = Stopwatch.StartNew();
        now = MaturityFact.AsStored(now);
        if (idempotencyKey is not null)
        {
            if (ImportReceipt.ProblemWith(idempotencyKey) is { } problem) throw new ArgumentException(problem, nameof(idempotencyKey));
            if (await ImportReceipt.FindAsync(store, idempotencyKey, cancellation) is { } earlier) throw new ImportAlreadyDoneException(earlier);
        }
        var scan = ImportScan.Read(path, cancellation);
        var correlationId = $"import-{Guid.CreateVersion7():N}";
        var decisions = new ImportDecisions(model, scan.References, importer, now);
        long sequence;
        TimeSpan copied;

        // Documents are written while the events are copied, on a second connection; they are committed after the events.
        var lastVersions = scan.Streams.Where(stream => stream.Kind == ImportStream.Partnership).ToDictionary(stream => stream.Id, stream => stream.Version);
        var reminders = new ImportedReviewReminders { Id = correlationId };
        await using (var projections = await ImportProjections.StartAsync(store, evaluator, lastVersions, [], cancellation,
                         finishedState: partnership => reminders.Reminders.AddRange(ImportedReviewReminders.Of(partnership, now))))
        {
            await using (var connection = store.Storage.Database.CreateConnection())
            {
                await connection.OpenAsync(cancellation);
                await using var transaction = await connection.BeginTransactionAsync(cancellation);
                var copy = new EventStoreCopy(store, connection);
                await copy.CopyStreamsAsync(scan.Streams.Select(stream => new EventStoreCopy.StreamRow(stream.Id, AggregateOf(stream.Kind), stream.Version)), now, cancellation);
                sequence = await copy.ReserveSequenceAsync(scan.Records, cancellation);
                CopyEvents(copy, scan, decisions, projections, path, importer, correlationId, sequence, progress, cancellation);
                copied = total.Elapsed;
                progress?.Report(new LedgerProgress("projections", 0, 1));
                await projections.FinishAsync(decisions.States, cancellation);
                // The review reminders its agreements are owed, stored with the events; the API schedules them.
                if (reminders.Reminders.Count > 0) await DocumentTables.InsertAsync(store, connection, reminders.Id, reminders, cancellation);
                if (idempotencyKey is not null)
                    await new ImportReceipt
                    {
                        Id = idempotencyKey, Events = scan.Records, Streams = scan.Streams.Count, ImportedBy = importer.User, ImportedAt = now, CorrelationId = correlationId,
                    }.InsertAsync(store, connection, cancellation);
                await transaction.CommitAsync(cancellation);
            }

            // The events are stored: from here on nothing is cancelled (a caller that gave up, an HTTP client that
            // disconnected), or the facts would stand without their documents. The documents, trend buckets and trend
            // progress commit together; should that fail anyway, none of them is stored and `ops/run -- rebuild`
            // derives them all again from the events.
            await projections.CommitAsync(sequence, sequence + scan.Records - 1, CancellationToken.None);
        }
        await AnalyzeAsync(store, CancellationToken.None);
        progress?.Report(new LedgerProgress("projections", 1, 1));
        return new ImportResult(scan.Records, scan.Streams.Count, copied, total.Elapsed - copied, total.Elapsed);
    }

    /// <summary>
    /// Reads and decides every record on this thread, synchronously (no hop per line or column); the events' rows are
    /// stamped and written on another (<see cref="ImportedEventWriter"/>).
    /// </summary>
    private static void CopyEvents(
        EventStoreCopy copy, ImportScan scan, ImportDecisions decisions, ImportProjections projections, string path, Actor importer, string correlationId,
        long sequence, IProgress<LedgerProgress>? progress, CancellationToken cancellation)
    {
        var versions = new Dictionary<Guid, long>();
        using var writer = new ImportedEventWriter(copy, importer, correlationId);
        long done = 0;
        foreach (var (line, text) in ImportLines.Read(path))
        {
            var record = ImportRecord.Read(line, text);
            var streamId = StreamOf(scan.References, line, record);
            var version = versions[streamId] = versions.GetValueOrDefault(streamId) + 1;
            var e = decisions.Decide(line, record, streamId, version);
            e.Sequence = sequence + done;
            writer.Add(line, e, recordedFor: record.By is not null ? scan.References.Find(record.By)?.Id : null);
            projections.Add(e, decisions.States);
            if (++done % 10_000 == 0)
            {
                cancellation.ThrowIfCancellationRequested();
                progress?.Report(new LedgerProgress("import", done, scan.Records));
            }
        }
        writer.Complete();
        progress?.Report(new LedgerProgress("import", done, scan.Records));
    }

    private static Guid StreamOf(ImportReferences references, int line, ImportRecord record)
    {
        references.CurrentLine = line;
        return record.Stream is not null ? references.Find(record.Stream)!.Id : references.DefinedOn(line, record.Ref!)!.Id;
    }

    private static Type AggregateOf(ImportStream stream) => stream switch
    {
        ImportStream.Organization => typeof(Organization),
        ImportStream.CircleOfTrust => typeof(CircleOfTrust),
        _ => typeof(Partnership),
    };

    /// <summary>Fresh planner statistics for the ledger's tables: a bulk load leaves them stale and the first queries and rebuilds crawl.</summary>
    public static Task AnalyzeAsync(DocumentStore store, CancellationToken cancellation) => MaintainAsync(store, "ANALYZE", cancellation);

    /// <summary>
    /// VACUUM (ANALYZE) of the ledger's tables: besides fresh statistics, the rows a bulk load or a rebuild wrote get
    /// their visibility settled, which the first reads after it would otherwise do, writing pages as they read, while
    /// autovacuum catches up. For the benchmark, so that reads are measured as a settled database serves them.
    /// </summary>
    public static Task VacuumAnalyzeAsync(DocumentStore store, CancellationToken cancellation) => MaintainAsync(store, "VACUUM (ANALYZE)", cancellation);

    private static async Task MaintainAsync(DocumentStore store, string statement, CancellationToken cancellation)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("select quote_ident(schemaname) || '.' || quote_ident(tablename) from pg_tables where schemaname = @schema and tablename like 'mt_%'", connection))
        {
            list.Parameters.AddWithValue("schema", store.Options.Events.DatabaseSchemaName);
            await using var reader = await list.ExecuteReaderAsync(cancellation);
            while (await reader.ReadAsync(cancellation)) tables.Add(reader.GetString(0));
        }
        await using var maintain = new NpgsqlCommand($"{statement} {string.Join(", ", tables)}", connection) { CommandTimeout = 0 };
        await maintain.ExecuteNonQueryAsync(cancellation);
    }
}
