using JasperFx.CommandLine;
using PartnershipLedger.Import;
using PartnershipLedger.Model;

namespace PartnershipLedger.Api.Commands;

public sealed class GenerateInput : NetCoreInput
{
    [Description("How many partnerships")] public int PartnershipsFlag { get; set; } = 1000;
    [Description("Years of history (at least 2)")] public int YearsFlag { get; set; } = 3;
    [Description("Random seed: the same seed gives the same file")] public int SeedFlag { get; set; } = 1;
    [Description("The file to write (JSON Lines, schema/import-format.md)")] public string OutFlag { get; set; } = "portfolio.jsonl";
    [Description("The instant histories end at (ISO 8601); default now")] public string? NowFlag { get; set; }
}

[Description("Writes a believable portfolio as an import file: ops/run -- generate --partnerships 10000 --years 3 --seed 1 --out FILE")]
public sealed class GenerateCommand : JasperFxAsyncCommand<GenerateInput>
{
    public override async Task<bool> Execute(GenerateInput input)
    {
        using var host = input.BuildHost();
        var model = host.Services.GetRequiredService<MaturityModel>();
        var now = input.NowFlag is { } given ? DateTimeOffset.Parse(given, System.Globalization.CultureInfo.InvariantCulture) : DateTimeOffset.UtcNow;
        await using var output = new StreamWriter(input.OutFlag);
        var written = await PortfolioGenerator.WriteAsync(model, now, input.PartnershipsFlag, input.YearsFlag, input.SeedFlag, output);
        Console.WriteLine($"Wrote {written.Records:N0} records to {input.OutFlag}: {written.Organizations:N0} organizations, {written.Circles} circles of trust, {written.Partnerships:N0} partnerships.");
        return true;
    }
}
