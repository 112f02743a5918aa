using System.Diagnostics;
using JasperFx.CommandLine;
using Marten;
using PartnershipLedger.Api.Commands;
using PartnershipLedger.Audit;
using PartnershipLedger.Import;
using PartnershipLedger.Maturity;
using PartnershipLedger.Model;

namespace PartnershipLedger.Api.Bench;

public sealed class BenchInput : NetCoreInput
{
    [Description("Partnerships in the generated portfolio (10,000 is about 570,000 events)")] public int PartnershipsFlag { get; set; } = 10_000;
    [Description("Years of history")] public int YearsFlag { get; set; } = 3;
    [Description("Trials of each measurement")] public int TrialsFlag { get; set; } = 3;
    [Description("Requests per read measurement and trial; commands per client with 8 clients; 3 times as many commands with one client")] public int RequestsFlag { get; set; } = 200;
    [Description("Port of the API process the bench starts (default: a free one)")] public int PortFlag { get; set; }
    [Description("Tiny sizes, one trial: checks the bench runs (ops/test)")] public bool SmokeFlag { get; set; }
    [Description("Also time the rebuild by Marten's async daemon (slow: one pass per projection)")] public bool DaemonRebuildFlag { get; set; }
    [Description("Reuse the portfolio already loaded in the bench schema: no wipe, import or rebuild (their goals are not measured)")] public bool SkipImportRebuildFlag { get; set; }
    [Description("Measure only the commands (direct and mutation, 1 and 8 clients): no reads; with --skip-import-rebuild, a quick command run")] public bool CommandsOnlyFlag { get; set; }
    [Description("Only import and rebuild: skip the API process and its reads and commands")] public bool SkipApiFlag { get; set; }
}

/// <summary>
/// ops/bench: one run that loads a generated portfolio and measures the product's paths against raw baselines taken in
/// the same run, trial by trial and interleaved (import vs binary COPY, rebuild vs a sequential read, GraphQL reads vs a
/// by-id select of the projected document, GraphQL mutations vs the same command done with Marten directly), then prints
/// medians, per-trial ratios, the goals and pass/fail. Benchmarks are not tests: only the smoke runs in ops/test.
/// </summary>
[Description("Benchmarks import, rebuild, queries and commands against raw baselines: ops/bench [--partnerships N] [--smoke]")]
public sealed class BenchCommand : JasperFxAsyncCommand<BenchInput>
{
    public override async Task<bool> Execute(BenchInput input)
    {
        if (input.SmokeFlag) { input.PartnershipsFlag = 16; input.TrialsFlag = 1; input.RequestsFlag = 5; }
        using var host = input.BuildHost();
        var store = (DocumentStore)host.Services.GetRequiredService<IDocumentStore>();
        var model = host.Services.GetRequiredService<MaturityModel>();
        var evaluator = host.Services.GetRequiredService<MaturityEvaluator>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        // mt_events as the API has it (it adds the audit trail's indexes when it starts): the import maintains them.
        await new AuditIndexes().Populate(store, CancellationToken.None);
        var results = new BenchResults();
        var raw = new RawBaselines(store);

        var file = Path.Combine(Path.GetTempPath(), $"ledger-bench-{input.PartnershipsFlag}-{input.YearsFlag}.jsonl");
        var now = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        if (!File.Exists(file))
        {
            await using var output = new StreamWriter(file);
            await PortfolioGenerator.WriteAsync(model, now, input.PartnershipsFlag, input.YearsFlag, seed: 1, output);
        }
        Console.Error.WriteLine($"bench: portfolio {file} ({input.PartnershipsFlag:N0} partnerships, {input.YearsFlag} years), {input.TrialsFlag} trial(s)");

        long events = 0;
        if (input.SkipImportRebuildFlag)
        {
            events = await raw.CountEventsAsync();
            if (events == 0) throw new InvalidOperationException($"--skip-import-rebuild: the schema '{store.Options.Events.DatabaseSchemaName}' holds no events; run the bench once without it.");
            Console.Error.WriteLine($"bench: reusing the {events:N0} events already in schema '{store.Options.Events.DatabaseSchemaName}' (no import, no rebuild)");
            await raw.ClearWaitingMessagesAsync();
        }
        else for (var trial = 1; trial <= input.TrialsFlag; trial++)
        {
            await raw.WipeLedgerAsync();
            await raw.SettleAsync(vacuum: false);
            var imported = await PortfolioImport.ImportAsync(store, model, evaluator, file, Recording.Actor.Admin("bench"), DateTimeOffset.UtcNow);
            events = imported.Events;
            results.Add("import (events/s)", trial, imported.EventsPerSecond);
            results.Add("import: validation + COPY only (events/s)", trial, imported.CopyEventsPerSecond);
            results.Add("bench process peak memory so far, after the import (MiB)", trial, Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0);
            await raw.SettleAsync(vacuum: true);
            await MeasureRawReadAndCopyAsync(raw, results, trial);
            GC.Collect();   // the baselines' rows are garbage: collected here, not inside the rebuild measured next
            await raw.SettleAsync(vacuum: false);

            var rebuild = Stopwatch.StartNew();
            await ProjectionRebuild.RebuildInMemoryAsync(store, evaluator, null, CancellationToken.None);
            results.Add("rebuild, every projection (events/s)", trial, events / rebuild.Elapsed.TotalSeconds);
            if (input.DaemonRebuildFlag)
            {
                using var daemon = await store.BuildProjectionDaemonAsync();
                var byDaemon = Stopwatch.StartNew();
                await ProjectionRebuild.RebuildAllAsync(store, daemon, null, CancellationToken.None);
                results.Add("rebuild by Marten's daemon, every projection (events/s)", trial, events / byDaemon.Elapsed.TotalSeconds);
            }
            Console.Error.WriteLine($"bench: trial {trial}: {events:N0} events loaded and rebuilt");
        }
        if (!input.SkipApiFlag)
        {
            // Reads are measured on a settled database, not while the first reads and autovacuum settle the rows the
            // import and rebuild just wrote (the first trial of reads used to run about twice as slow as the others).
            var settling = Stopwatch.StartNew();
            await raw.SettleAsync(vacuum: true);
            Console.Error.WriteLine($"bench: VACUUM (ANALYZE) and CHECKPOINT of the ledger's tables before serving took {settling.Elapsed.TotalSeconds:N1} s");
        }

        results.BenchPeak(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0);

        if (!input.SkipApiFlag)
        {
            await using (var api = await ApiProcess.StartAsync(input.PortFlag == 0 ? ApiProcess.FreePort() : input.PortFlag, store.Options.Events.DatabaseSchemaName))
            {
                var requests = new ApiRequests(api.Client, store, raw, host.Services, input.RequestsFlag);
                await requests.PrepareAsync();
                for (var trial = 1; trial <= input.TrialsFlag; trial++)
                {
                    if (input.CommandsOnlyFlag) await requests.MeasureCommandsAsync(results, trial);
                    else await requests.MeasureAsync(results, trial);
                }
                results.Memory(await api.MemoryAsync());
            }
        }

        results.Print(Console.Out, events, input);
        return results.AllPassed || input.SmokeFlag;
    }

    /// <summary>
    /// The raw sequential read of mt_events, and raw COPYs of the rows read. In a method of its own: the million rows
    /// it holds (about 2 GB) must not stay reachable, as a local of the trials' loop would in its async state machine,
    /// while the next trial imports and rebuilds.
    /// </summary>
    private static async Task MeasureRawReadAndCopyAsync(RawBaselines raw, BenchResults results, int trial)
    {
        var rows = await raw.ReadAllEventsAsync();
        results.Add("raw sequential read of mt_events (rows/s)", trial, rows.RowsPerSecond);
        // The two COPYs in turn, the first one alternating between trials.
        foreach (var martenIndexesOnly in trial % 2 == 1 ? [false, true] : new[] { true, false })
        {
            await raw.SettleAsync(vacuum: false);
            results.Add(martenIndexesOnly ? RawBaselines.MartenIndexesCopy : RawBaselines.ShapedCopy, trial, await raw.CopyIntoShapedTableAsync(rows.Rows, martenIndexesOnly));
        }
    }
}
