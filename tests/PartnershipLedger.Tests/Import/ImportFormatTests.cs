using PartnershipLedger.Import;
using PartnershipLedger.Model;
using PartnershipLedger.Recording;
using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.Import;

/// <summary>The import format as data: every event accounted for, the documented table in step, the generator reproducible.</summary>
public sealed class ImportFormatTests
{
    private const string TableStart = "<!-- import-types:start -->";
    private const string TableEnd = "<!-- import-types:end -->";
    private static readonly MaturityModel Model = MaturityModelLoader.Load(RepositoryFiles.Schema("maturity-model.json"));
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Every_event_is_either_importable_through_its_command_or_named_as_not_importable_with_the_reason()
    {
        var accounted = ImportCatalogue.Entries.Select(entry => entry.Event).Concat(ImportCatalogue.NotImportable.Keys);

        Assert.Equal(EventCatalogue.AllEventTypes.Select(type => type.Name).Order(), accounted.Select(type => type.Name).Order());
    }

    [Fact]
    public void The_checked_in_format_lists_every_type_with_its_data_fields()
    {
        var file = RepositoryFiles.Schema("import-format.md");
        var text = File.ReadAllText(file).ReplaceLineEndings("\n");
        var start = text.IndexOf(TableStart, StringComparison.Ordinal) + TableStart.Length;
        var end = text.IndexOf(TableEnd, StringComparison.Ordinal);
        var generated = "\n" + ImportCatalogue.DataFieldsMarkdown().ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMA") == "1")
        {
            File.WriteAllText(file, text[..start] + generated + text[end..]);
            return;
        }

        Assert.True(text[start..end] == generated, "schema/import-format.md's table is stale; rewrite it with: UPDATE_SCHEMA=1 ops/test --filter ImportFormatTests");
    }

    [Fact]
    public async Task The_same_seed_size_and_instant_give_the_same_file_and_another_seed_another()
    {
        var first = await GenerateAsync(seed: 1);

        Assert.Equal(first, await GenerateAsync(seed: 1));
        Assert.NotEqual(first, await GenerateAsync(seed: 2));
    }

    [Fact]
    public async Task A_portfolio_larger_than_the_demo_cast_gets_namesake_organizations_one_per_five_partnerships()
    {
        await using var output = new StringWriter();
        var written = await PortfolioGenerator.WriteAsync(Model, Now, partnerships: 400, years: 3, seed: 1, output);

        Assert.Equal(80, written.Organizations);
        Assert.Equal(400, written.Partnerships);
        Assert.InRange(written.Records / 400.0, 45, 75);
        Assert.Contains("\"name\":\"Contoso 2\"", output.ToString());
    }

    private static async Task<string> GenerateAsync(int seed)
    {
        await using var output = new StringWriter();
        await PortfolioGenerator.WriteAsync(Model, Now, partnerships: 12, years: 3, seed, output);
        return output.ToString();
    }
}
