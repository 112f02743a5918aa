using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;
using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.Recording;

public sealed class EventCatalogueTests
{
    [Fact]
    public void The_checked_in_catalogue_is_generated_from_the_code()
    {
        var file = RepositoryFiles.Schema("events.md");
        var generated = EventCatalogue.Markdown().ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMA") == "1") File.WriteAllText(file, generated);

        var checkedIn = File.Exists(file) ? File.ReadAllText(file).ReplaceLineEndings("\n") : "(missing)";
        Assert.True(checkedIn == generated, "schema/events.md is stale; rewrite it with: UPDATE_SCHEMA=1 ops/test --filter EventCatalogueTests");
    }

    [Fact]
    public void Every_business_function_has_evidence_events()
    {
        var functions = EventCatalogue.AllEventTypes
            .Select(type => type.GetCustomAttributes(typeof(EvidenceOfAttribute), false).OfType<EvidenceOfAttribute>().SingleOrDefault()?.Function)
            .OfType<PartnershipLedger.Model.BusinessFunction>().Distinct();

        Assert.Equal(Enum.GetValues<PartnershipLedger.Model.BusinessFunction>().Order(), functions.Order());
    }

    [Fact]
    public void Every_event_is_named_in_the_past_tense_and_carries_its_business_time()
    {
        foreach (var type in EventCatalogue.AllEventTypes)
        {
            Assert.Matches("(ed|Held|Shared|Earned|Left|Overdue)$", type.Name);
            Assert.NotNull(type.GetProperty("OccurredAt"));
        }
    }
}
