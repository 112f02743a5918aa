using System.Diagnostics;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using PartnershipLedger.Import;
using PartnershipLedger.Model;
using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.Import;

/// <summary>
/// <c>ops/run -- import FILE</c> as an operator runs it: the built app in a process of its own, on the tests' database.
/// </summary>
public sealed class ImportCommandLineTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [Path.Combine(AppContext.BaseDirectory, "PartnershipLedger.Api.dll"), .. arguments])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Ledger__Demo"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // A stuck import would hold its transaction open and block the next test's reset: end it here.
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{string.Join(' ', arguments)}' ran over 2 minutes and was killed.");
        }
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task The_command_imports_once_under_a_key_and_refuses_a_malformed_key()
    {
        var file = TemporaryFile(".jsonl");
        await using (var writer = new StreamWriter(file))
            await PortfolioGenerator.WriteAsync(Host.Services.GetRequiredService<MaturityModel>(), DateTimeOffset.UtcNow.AddDays(-1), 2, years: 2, seed: 5, writer);
        var records = File.ReadLines(file).Count(line => line.Length > 0);

        var first = await RunAsync("import", file, "--idempotency-key", "nightly-2026-11-24");
        Assert.True(first.Exit == 0, first.Output + first.Error);
        Assert.Contains($"Imported {records:N0} events", first.Output);
        Assert.Equal(records, await Host.ImportedEventCountAsync());

        var again = await RunAsync("import", file, "--idempotency-key", "nightly-2026-11-24");
        Assert.True(again.Exit == 0, again.Output + again.Error);
        Assert.Contains("Nothing to do", again.Output);
        Assert.Contains("nightly-2026-11-24", again.Output);

        var malformed = await RunAsync("import", file, "--idempotency-key", " ");
        Assert.NotEqual(0, malformed.Exit);
        Assert.Contains("--idempotency-key", malformed.Error);
        Assert.Equal(records, await Host.ImportedEventCountAsync());
    }
}
