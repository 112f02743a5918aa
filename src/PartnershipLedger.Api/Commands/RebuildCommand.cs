using JasperFx.CommandLine;
using Marten;
using PartnershipLedger.Import;
using PartnershipLedger.Maturity;

namespace PartnershipLedger.Api.Commands;

public sealed class RebuildInput : NetCoreInput;

[Description("Rebuilds every projection from the events in one read, with progress (stop the API first): ops/run -- rebuild")]
public sealed class RebuildCommand : JasperFxAsyncCommand<RebuildInput>
{
    public override async Task<bool> Execute(RebuildInput input)
    {
        using var host = input.BuildHost();
        var store = (DocumentStore)host.Services.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var progress = new ConsoleProgress();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var events = await ProjectionRebuild.RebuildInMemoryAsync(store, host.Services.GetRequiredService<MaturityEvaluator>(), progress, CancellationToken.None);
        await PortfolioImport.AnalyzeAsync(store, CancellationToken.None);
        progress.Done();
        Console.WriteLine($"Rebuilt {ProjectionRebuild.Projections.Count} projections from {events:N0} events in {started.Elapsed.TotalSeconds:N1} s ({events / started.Elapsed.TotalSeconds:N0} events/s).");
        return true;
    }
}
