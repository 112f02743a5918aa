using System.Diagnostics;

namespace PartnershipLedger.Api.Bench;

/// <summary>The API, started as its own process (this same app) on a local port, so its memory and HTTP path are real.</summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process process;

    private ApiProcess(Process process, HttpClient client)
    {
        this.process = process;
        Client = client;
    }

    public HttpClient Client { get; }

    public static async Task<ApiProcess> StartAsync(int port, string schema)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!, [typeof(Program).Assembly.Location])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["Marten__Schema"] = schema;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Ledger__Demo"] = "false";
        // The bench measures the paths, not the per-token rate limit (6,000 a minute by default): no limit.
        start.Environment["RateLimit__TokenPermitsPerMinute"] = "0";
        // Nor the imported agreements' reminders: the ones already due would record their overdue reviews after the
        // grace (five minutes), in the middle of the measurements; a day's grace keeps them waiting.
        start.Environment["Ledger__ReminderGrace"] = "1.00:00:00";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The API process did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) => { if (line.Data is { } text) Console.Error.WriteLine($"api: {text}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
        for (var attempt = 0; attempt < 120; attempt++)
        {
            if (process.HasExited) throw new InvalidOperationException($"The API process exited with {process.ExitCode}.");
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode) return new ApiProcess(process, client);
            }
            catch (HttpRequestException) { }
            await Task.Delay(250);
        }
        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("The API process did not answer /health within 30 s.");
    }

    public static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Resident and peak resident memory of the API process, in MiB (Linux /proc).</summary>
    public async Task<(double Resident, double Peak)> MemoryAsync()
    {
        var status = await File.ReadAllLinesAsync($"/proc/{process.Id}/status");
        double Kib(string key) => double.Parse(status.First(line => line.StartsWith(key)).Split(':')[1].Trim().Split(' ')[0]) / 1024;
        return (Kib("VmRSS"), Kib("VmHWM"));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
