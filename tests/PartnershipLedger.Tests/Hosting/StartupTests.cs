using Alba;

namespace PartnershipLedger.Tests.Hosting;

public sealed class StartupTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task Health_reports_a_reachable_database()
    {
        var body = await Host.GetAsText("/health");

        Assert.Contains("\"status\":\"healthy\"", body);
    }

    [Fact]
    public async Task A_broken_model_file_stops_start_up_with_a_message_naming_the_fault()
    {
        var broken = TemporaryFile(".json");
        var model = await File.ReadAllTextAsync(RepositoryFiles.Schema("maturity-model.json"));
        await File.WriteAllTextAsync(broken, model.Replace("\"key\": \"GEOGRAPHY\"", "\"key\": \"GEOGRAFY\""));

        var failure = await Record.ExceptionAsync(async () => await (await AppFixture.StartAsync(("Model:Path", broken))).DisposeAsync());

        var invalid = Unwrap(failure).OfType<PartnershipLedger.Model.InvalidMaturityModelException>().FirstOrDefault();
        Assert.True(invalid is not null, $"expected the start-up to fail on the model, got: {failure}");
        Assert.Contains("functions[5].key: 'GEOGRAFY' is not a BusinessFunction", invalid.Message);
    }

    private static IEnumerable<Exception> Unwrap(Exception? failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Unwrap)) yield return inner;
        }
    }
}

/// <summary>The document compression setting, applied to the connection string: no database needed.</summary>
public sealed class DocumentCompressionTests
{
    [Fact]
    public void Document_compression_travels_with_the_connection_string_and_a_setting_already_there_is_kept()
    {
        const string plain = "Host=db;Database=ledger";

        Assert.Contains("Options=\"-c default_toast_compression=lz4\"", PartnershipLedger.Api.Storage.DocumentCompression.Apply(plain, "lz4"));
        Assert.Equal(plain, PartnershipLedger.Api.Storage.DocumentCompression.Apply(plain, ""));
        const string own = "Host=db;Options=-c default_toast_compression=pglz";
        Assert.Equal(own, PartnershipLedger.Api.Storage.DocumentCompression.Apply(own, "lz4"));
        var refused = Assert.Throws<InvalidOperationException>(() => PartnershipLedger.Api.Storage.DocumentCompression.Apply(plain, "zstd"));
        Assert.Contains("Ledger:DocumentCompression must be lz4, pglz or empty", refused.Message);
    }
}
