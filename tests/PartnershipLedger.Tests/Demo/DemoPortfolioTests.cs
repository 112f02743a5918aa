using System.Text.Json;
using System.Text.Json.Serialization;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PartnershipLedger.Assessments;
using PartnershipLedger.CirclesOfTrust;
using PartnershipLedger.Functions.Agreement;
using PartnershipLedger.Demo;
using PartnershipLedger.Model;
using PartnershipLedger.Organizations;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;
using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.Demo;

/// <summary>The demo plan as data: reproducible, complete, and made only of facts that can have happened.</summary>
public sealed class DemoPlanTests
{
    private static readonly MaturityModel Model = MaturityModelLoader.Load(RepositoryFiles.Schema("maturity-model.json"));
    private static readonly DateTimeOffset Now = new(2026, 3, 16, 12, 0, 0, TimeSpan.Zero);
    private static readonly DemoPlan Plan = DemoPortfolio.Generate(Model, Now);

    [Fact]
    public void The_same_seed_and_instant_give_the_same_plan_and_another_seed_another()
    {
        Assert.Equal(Lines(Plan), Lines(DemoPortfolio.Generate(Model, Now)));
        Assert.NotEqual(Lines(Plan), Lines(DemoPortfolio.Generate(Model, Now, seed: DemoPortfolio.DefaultSeed + 1)));
    }

    [Fact]
    public void Every_command_of_every_business_function_is_used_and_the_lifecycle_and_corrections_too()
    {
        var used = Plan.Steps.Select(step => step.Command.GetType()).ToHashSet();
        var functionCommands = typeof(Command).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && type.IsAssignableTo(typeof(Command)) && type.Namespace!.StartsWith("PartnershipLedger.Functions."));
        Type[] others = [typeof(RegisterOrganization), typeof(AddOrganizationUser), typeof(RenameOrganization), typeof(FormCircleOfTrust),
            typeof(AddCircleMember), typeof(FormPartnership), typeof(AddPartnershipMember), typeof(PausePartnership), typeof(ResumePartnership),
            typeof(EndPartnership), typeof(RetractEvent), typeof(RecordSelfAssessment)];

        Assert.Empty(functionCommands.Concat(others).Where(type => !used.Contains(type)).Select(type => type.Name));
    }

    [Fact]
    public void About_thirty_organizations_of_every_partner_type_in_several_regions_and_three_circles_of_trust()
    {
        var registrations = Plan.Setup.Select(step => step.Command).OfType<RegisterOrganization>().ToList();

        Assert.InRange(registrations.Count, 28, 32);
        Assert.Equal(Enum.GetValues<PartnerType>().ToHashSet(), registrations.SelectMany(r => r.PartnerTypes).ToHashSet());
        Assert.InRange(registrations.Select(r => r.HomeRegion).Distinct().Count(), 5, 12);
        Assert.Equal(["Golden Circle", "Northwest Alliance", "Oklahoma's Best"],
            Plan.Setup.Select(step => step.Command).OfType<FormCircleOfTrust>().Select(circle => circle.Name).Order());
    }

    [Fact]
    public void Forty_partnerships_of_every_profile_with_two_to_three_years_of_history_and_forty_to_sixty_events_on_average()
    {
        Assert.Equal(DemoPortfolio.DefaultPartnerships, Plan.Partnerships.Count);
        Assert.Equal(Enum.GetValues<DemoProfile>().ToHashSet(), Plan.Partnerships.Select(p => p.Profile).ToHashSet());
        Assert.Equal(Plan.Partnerships.Count, Plan.Partnerships.Select(p => p.Name).Distinct().Count());
        Assert.All(Plan.Partnerships, p => Assert.InRange(Now - p.Steps[0].Command.OccurredAt!.Value, TimeSpan.FromDays(730), TimeSpan.FromDays(3 * 366)));
        Assert.InRange(Plan.Partnerships.Average(p => p.Steps.Count), 40, 60);
        Assert.All(Plan.Partnerships, p => Assert.InRange(p.Steps.Count, 25, 80));
    }

    [Fact]
    public void Facts_happen_after_the_formation_and_before_now_or_the_end_in_order_with_each_agreement_and_its_reviews_last()
    {
        foreach (var partnership in Plan.Partnerships)
        {
            var formedAt = partnership.Steps[0].Command.OccurredAt!.Value;
            var endedAt = partnership.Steps.Select(step => step.Command).OfType<EndPartnership>().SingleOrDefault()?.OccurredAt ?? Now;
            Assert.All(partnership.Steps.Skip(1), step => Assert.True(step.Command.OccurredAt > formedAt && step.Command.OccurredAt <= endedAt,
                $"{partnership.Name}: a {step.Command.GetType().Name} at {step.Command.OccurredAt:O}"));

            var agreementsFrom = partnership.Steps.ToList().FindIndex(step => step.Command is SignAgreement);
            var others = partnership.Steps.Take(agreementsFrom < 0 ? partnership.Steps.Count : agreementsFrom).Select(step => step.Command.OccurredAt!.Value).ToList();
            Assert.Equal(others.Order(), others);
            Assert.All(partnership.Steps.Skip(others.Count), step => Assert.True(step.Command is SignAgreement or ReviewAgreement or TerminateAgreement, step.Command.GetType().Name));
        }
    }

    [Fact]
    public void Members_assess_themselves_and_a_mistaken_fact_or_two_is_retracted()
    {
        Assert.All(Plan.Partnerships.Where(p => p.Profile != DemoProfile.Paused),
            p => Assert.Contains(p.Steps, step => step.Command is RecordSelfAssessment));
        Assert.InRange(Plan.Steps.Count(step => step.Command is RetractEvent), 1, 3);
    }

    private static List<string> Lines(DemoPlan plan) =>
        plan.Steps.Select(step => $"{step.Command.GetType().Name} {JsonSerializer.Serialize(step.Command, step.Command.GetType(), Json)} {step.Creates}").ToList();

    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };
}

/// <summary>The demo recorded through the real commands on the real PostgreSQL, and read back over GraphQL.</summary>
public sealed class DemoPortfolioTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task A_small_demo_loads_without_a_refusal_and_shows_every_function_rising_and_evidence_expiring()
    {
        var now = Host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var plan = DemoPortfolio.Generate(Host.Services.GetRequiredService<MaturityModel>(), now, partnerships: 6);

        var result = await DemoLoader.LoadAsync(Host.Services, plan, NullLogger.Instance);

        Assert.Equal(6, result.Partnerships.Count);
        Assert.Equal(plan.Steps.Count(), result.Commands);
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var organizations = await session.Query<Organization>().ToListAsync();
        var renamed = plan.Setup.Select(step => step.Command).OfType<RenameOrganization>().ToDictionary(rename => rename.OrganizationId, rename => rename.Name);
        var names = plan.Setup.Where(step => step.Command is RegisterOrganization).Select(step => renamed.GetValueOrDefault(step.Creates!.Value) ?? ((RegisterOrganization)step.Command).Name);
        Assert.Equal(names.Order(), organizations.Select(o => o.Name).Order());
        Assert.Equal(Enum.GetValues<PartnerType>().ToHashSet(), organizations.SelectMany(o => o.PartnerTypes).ToHashSet());
        Assert.All(organizations, organization => Assert.Equal(2, organization.Users.Count));

        var history = new List<JsonElement>();
        foreach (var (loaded, planned) in result.Partnerships.Zip(plan.Partnerships))
        {
            // Every planned command recorded one event; the ledger itself may add review reminders.
            var types = await Host.EventTypesAsync(loaded.Id);
            Assert.Equal(planned.Steps.Count, types.Count(type => type != nameof(AgreementReviewOverdue)));
            history.AddRange((await Host.GraphQLAsync($"{{ partnership(id: \"{loaded.Id}\") {{ maturityHistory {{ function at from to basis causeEventId reason }} }} }}"))
                .Data("partnership").GetProperty("maturityHistory").EnumerateArray());
        }

        var evidenced = history.Where(change => change.GetProperty("basis").GetString() == "EVIDENCED").ToList();
        var risen = evidenced.Where(change => change.GetProperty("to").GetString() != "BASIC").Select(change => change.GetProperty("function").GetString()).ToHashSet();
        Assert.Equal(Enum.GetValues<BusinessFunction>().Select(MaturityFunctionKey).Order(), risen.Order());
        Assert.Contains(evidenced, change => change.GetProperty("causeEventId").ValueKind == JsonValueKind.Null
            && change.GetProperty("reason").GetString()!.StartsWith("Evidence expired"));
        Assert.Contains(history, change => change.GetProperty("basis").GetString() == "ASSESSED");
    }

    [Fact]
    public async Task The_demo_is_not_loaded_over_existing_organizations()
    {
        await Host.RegisterOrganizationAsync("Contoso");

        var result = await DemoStartup.LoadUnlessPresentAsync(Host.Services, partnerships: 2, NullLogger.Instance);

        Assert.Null(result);
        Assert.Equal(1, await Host.EventCountAsync());
    }

    private static string MaturityFunctionKey(BusinessFunction function) => PartnershipLedger.Maturity.MaturityEvaluator.FunctionKey(function);
}
