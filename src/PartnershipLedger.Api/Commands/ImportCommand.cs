using JasperFx.CommandLine;
using Marten;
using PartnershipLedger.Import;
using PartnershipLedger.Maturity;
using PartnershipLedger.Model;

namespace PartnershipLedger.Api.Commands;

public sealed class ImportInput : NetCoreInput
{
    [Description("The import file (JSON Lines, schema/import-format.md)")] public string File { get; set; } = "";

    [Description("A key naming this import: run again with the same key (after a failure or an interruption), it imports nothing once the first run committed")]
    public string? IdempotencyKeyFlag { get; set; }
}

[Description("Imports a portfolio's history from a JSON Lines file with every projection's documents: ops/run -- import FILE")]
public sealed class ImportCommand : JasperFxAsyncCommand<ImportInput>
{
    public override async Task<bool> Execute(ImportInput input)
    {
        using var host = input.BuildHost();
        var store = (DocumentStore)host.Services.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        if (input.IdempotencyKeyFlag is { } key && ImportReceipt.ProblemWith(key) is { } problem)
        {
            Console.Error.WriteLine($"--idempotency-key: {problem}");
            return false;
        }
        var progress = new ConsoleProgress();
        try
        {
            var result = await PortfolioImport.ImportAsync(store, host.Services.GetRequiredService<MaturityModel>(), host.Services.GetRequiredService<MaturityEvaluator>(), input.File,
                ImportedEventMetadata.CommandLineImporter(), host.Services.GetRequiredService<TimeProvider>().GetUtcNow(), progress, idempotencyKey: input.IdempotencyKeyFlag);
            progress.Done();
            Console.WriteLine($"Imported {result.Events:N0} events in {result.Streams:N0} streams in {result.Total.TotalSeconds:N1} s " +
                $"({result.EventsPerSecond:N0} events/s; validation and COPY {result.Copy.TotalSeconds:N1} s, {result.CopyEventsPerSecond:N0} events/s; " +
                $"projection documents and ANALYZE {result.Projections.TotalSeconds:N1} s).");
            return true;
        }
        catch (ImportAlreadyDoneException done)
        {
            progress.Done();
            Console.WriteLine($"Nothing to do: {done.Message}");
            return true;
        }
        catch (ImportRejectedException rejected)
        {
            progress.Done();
            Console.Error.WriteLine($"Nothing was imported: {input.File} {rejected.Message}");
            return false;
        }
    }
}
