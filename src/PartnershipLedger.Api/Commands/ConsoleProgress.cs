using System.Diagnostics;
using PartnershipLedger.Import;

namespace PartnershipLedger.Api.Commands;

/// <summary>A one-line progress bar on standard error: phase, bar, percentage, count and rate; a new line per phase.</summary>
public sealed class ConsoleProgress : IProgress<LedgerProgress>
{
    private const int Width = 30;
    private readonly Stopwatch phaseTime = new();
    private string? phase;
    private long lastDrawn = -1;

    public void Report(LedgerProgress value)
    {
        lock (phaseTime)
        {
            if (value.Phase != phase)
            {
                if (phase is not null) Console.Error.WriteLine();
                phase = value.Phase;
                phaseTime.Restart();
                lastDrawn = -1;
            }
            if (value.Done == lastDrawn) return;
            lastDrawn = value.Done;
            var fraction = value.Total == 0 ? 1 : Math.Clamp((double)value.Done / value.Total, 0, 1);
            var filled = (int)(fraction * Width);
            var rate = value.Done / Math.Max(phaseTime.Elapsed.TotalSeconds, 0.001);
            Console.Error.Write($"\r{value.Phase,-32} [{new string('#', filled)}{new string('.', Width - filled)}] {fraction,4:P0} {value.Done,11:N0}/{value.Total:N0}  {rate,9:N0}/s ");
        }
    }

    /// <summary>Ends the last line.</summary>
    public void Done()
    {
        if (phase is not null) Console.Error.WriteLine();
    }
}
