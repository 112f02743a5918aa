using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PartnershipLedger.Maturity;

public static class Configuration
{
    public const string DefaultRulesPath = "schema/evidence-rules.json";

    /// <summary>Loads and validates the evidence rules now (a broken file stops start-up) and registers the evaluator.</summary>
    public static MaturityEvaluator AddMaturity(this IServiceCollection services, IConfiguration configuration)
    {
        var path = configuration["Maturity:RulesPath"] ?? Path.Combine(AppContext.BaseDirectory, DefaultRulesPath);
        var evaluator = new MaturityEvaluator(EvidenceRulesLoader.Load(path, configuration["Maturity:LookBack"]));
        services.AddSingleton(evaluator.Rules);
        services.AddSingleton(evaluator);
        MaturityFields.AddLoader(services);
        return evaluator;
    }

    public static void ConfigureMaturity(this StoreOptions options, MaturityEvaluator evaluator)
    {
        options.Projections.Add(new PartnershipMaturityProjection(evaluator), ProjectionLifecycle.Inline, PartnershipMaturityProjection.Name);
        options.Projections.Add(new MaturityTrendProjection(evaluator), ProjectionLifecycle.Async, MaturityTrendProjection.Name);
        options.Schema.For<PartnershipMaturity>();
        options.Schema.For<MaturityTimeline>();
        options.Schema.For<MaturityTrendBucket>().Index(bucket => bucket.Function);
        options.Schema.For<PartnershipTrendContribution>();
    }
}
