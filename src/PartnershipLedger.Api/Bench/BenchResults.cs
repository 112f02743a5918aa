using System.Globalization;

namespace PartnershipLedger.Api.Bench;

/// <summary>Measurements per trial, and the table of medians, per-trial ratios, goals and pass/fail that ops/bench prints.</summary>
public sealed class BenchResults
{
    private readonly Dictionary<string, SortedDictionary<int, double>> values = [];
    private (double Resident, double Peak) memory;
    private double? benchPeak;
    private readonly List<(string Measure, string Goal, bool Passed)> verdicts = [];

    public bool AllPassed => verdicts.All(verdict => verdict.Passed);

    public void Add(string measure, int trial, double value)
    {
        if (!values.TryGetValue(measure, out var trials)) values[measure] = trials = [];
        trials[trial] = value;
    }

    public void AddLatencies(string measure, int trial, List<double> milliseconds)
    {
        Add($"{measure} p50 (ms)", trial, Percentile(milliseconds, 0.50));
        Add($"{measure} p95 (ms)", trial, Percentile(milliseconds, 0.95));
    }

    public void AddCommands(string measure, int trial, (List<double> Latencies, double PerSecond) commands)
    {
        Add($"{measure} (commands/s)", trial, commands.PerSecond);
        Add($"{measure} p95 (ms)", trial, Percentile(commands.Latencies, 0.95));
    }

    public void Memory((double Resident, double Peak) mebibytes) => memory = mebibytes;

    /// <summary>The bench process's own peak working set after the imports and rebuilds (MiB): what holding a portfolio in memory costs.</summary>
    public void BenchPeak(double mebibytes) => benchPeak = mebibytes;

    public void Print(TextWriter output, long events, BenchInput input)
    {
        output.WriteLine();
        output.WriteLine($"ops/bench: {input.PartnershipsFlag:N0} partnerships, {events:N0} events, {input.TrialsFlag} trial(s), {input.RequestsFlag} requests per read measurement, " +
                         $"{input.RequestsFlag * ApiRequests.OneClientRequestsFactor} commands of each kind with one client; " +
                         $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
        output.WriteLine();
        output.WriteLine("| measure | median | per trial |");
        output.WriteLine("|---|---:|---|");
        foreach (var (measure, trials) in values)
            output.WriteLine($"| {measure} | {Format(Median(trials.Values))} | {string.Join(" / ", trials.Values.Select(Format))} |");
        if (benchPeak is { } peak) output.WriteLine($"| bench process peak memory after import and rebuild (MiB) | {peak:N0} | |");
        if (!input.SkipApiFlag) output.WriteLine($"| API process memory after the reads and commands (MiB) | {memory.Resident:N0} resident, {memory.Peak:N0} peak | |");

        output.WriteLine();
        output.WriteLine("| goal | ratio per trial | median | target | result |");
        output.WriteLine("|---|---|---:|---|---|");
        Ratio("import vs raw binary COPY", "import (events/s)", RawBaselines.ShapedCopy, ">=", 0.5, output);
        Ratio("(information) import vs raw binary COPY, Marten's 2 indexes only (the baseline until 25 Nov)", "import (events/s)", RawBaselines.MartenIndexesCopy, ">=", 0.5, output, verdict: false);
        Ratio("rebuild vs raw sequential read", "rebuild, every projection (events/s)", "raw sequential read of mt_events (rows/s)", ">=", 0.5, output);
        // Reads: the goal's "plain projected-document load" is the same kind of request (GraphQL over HTTP, token
        // checked) loading a plain projected document by id; the raw in-process select is shown beside, as information.
        var plain = $"{ApiRequests.PlainLoad} p95 (ms)";
        var rawSelect = $"{ApiRequests.RawSelect} p95 (ms)";
        Ratio("maturity now p95 vs plain projected-document load p95", "GraphQL partnership.maturity now p95 (ms)", plain, "<=", 1.5, output);
        Ratio("maturity asOf p95 vs plain projected-document load p95", "GraphQL partnership.maturity(asOf) p95 (ms)", plain, "<=", 1.5, output);
        Ratio("maturityHistory p95 vs plain projected-document load p95", "GraphQL partnership.maturityHistory p95 (ms)", plain, "<=", 2, output);
        Absolute("portfolioTrend 8 quarters p95 (ms)", "GraphQL portfolioTrend, 8 quarters p95 (ms)", 50, output);
        Ratio("auditTrail first page p95 vs plain projected-document load p95", "GraphQL auditTrail of a partnership, first page p95 (ms)", plain, "<=", 2, output);
        Ratio("(information) maturity now p95 vs raw by-id select p95", "GraphQL partnership.maturity now p95 (ms)", rawSelect, "<=", 1.5, output, verdict: false);
        Ratio("(information) maturityHistory p95 vs raw by-id select p95", "GraphQL partnership.maturityHistory p95 (ms)", rawSelect, "<=", 2, output, verdict: false);
        Ratio("(information) GraphQL request floor p95 vs raw by-id select p95", $"{ApiRequests.GraphQLFloor} p95 (ms)", rawSelect, "<=", 1.5, output, verdict: false);
        Ratio("mutation vs direct command, 1 client (commands/s)", "GraphQL mutation over HTTP, 1 client (commands/s)", "direct Marten command, 1 client (commands/s)", ">=", 0.9, output);
        Ratio("mutation vs direct command, 8 clients (commands/s)", "GraphQL mutation over HTTP, 8 clients (commands/s)", "direct Marten command, 8 clients (commands/s)", ">=", 0.9, output);
        Ratio("mutation p95 vs direct p95, 1 client", "GraphQL mutation over HTTP, 1 client p95 (ms)", "direct Marten command, 1 client p95 (ms)", "<=", 1.3, output);
        Ratio("mutation p95 vs direct p95, 8 clients", "GraphQL mutation over HTTP, 8 clients p95 (ms)", "direct Marten command, 8 clients p95 (ms)", "<=", 1.3, output);
        Ratio("mutations: 8 clients vs 1 client (commands/s)", "GraphQL mutation over HTTP, 8 clients (commands/s)", "GraphQL mutation over HTTP, 1 client (commands/s)", ">=", 1.7, output);
        if (!input.SkipApiFlag)
        {
            var memoryPassed = memory.Peak < 1024;
            verdicts.Add(("API memory", "< 1024 MiB", memoryPassed));
            output.WriteLine($"| API process peak memory (MiB) | | {memory.Peak:N0} | < 1024 | {(memoryPassed ? "pass" : "FAIL")} |");
        }
        output.WriteLine();
        output.WriteLine($"{verdicts.Count(v => v.Passed)} of {verdicts.Count} goals met.");
    }

    /// <param name="verdict">False for a ratio shown as information: its target is printed, it counts in no verdict.</param>
    private void Ratio(string goal, string product, string baseline, string comparison, double target, TextWriter output, bool verdict = true)
    {
        if (!values.TryGetValue(product, out var measured) || !values.TryGetValue(baseline, out var raw)) return;
        var ratios = measured.Keys.Where(raw.ContainsKey).Select(trial => measured[trial] / raw[trial]).ToList();
        var median = Median(ratios);
        var passed = comparison == ">=" ? median >= target : median <= target;
        if (verdict) verdicts.Add((goal, $"{comparison} {target}", passed));
        var result = verdict ? passed ? "pass" : "FAIL" : passed ? "(would pass)" : "(would fail)";
        output.WriteLine($"| {goal} | {string.Join(" / ", ratios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))} | {median:0.00} | {comparison} {target} | {result} |");
    }

    private void Absolute(string goal, string measure, double limit, TextWriter output)
    {
        if (!values.TryGetValue(measure, out var measured)) return;
        var median = Median(measured.Values);
        var passed = median <= limit;
        verdicts.Add((goal, $"<= {limit}", passed));
        output.WriteLine($"| {goal} | {string.Join(" / ", measured.Values.Select(Format))} | {Format(median)} | <= {limit} | {(passed ? "pass" : "FAIL")} |");
    }

    private static double Percentile(List<double> values, double percentile)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile * sorted.Count) - 1)];
    }

    /// <summary>The middle value; with an even count the mean of the two middle ones (two trials: their mean, not the lower).</summary>
    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return 0;
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Format(double value) => value >= 100 ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("0.00", CultureInfo.InvariantCulture);
}
