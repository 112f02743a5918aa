using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PartnershipLedger.Model;
using PartnershipLedger.Organizations;

namespace PartnershipLedger.Demo;

/// <summary>
/// <c>ops/run --demo</c> (the setting <c>Ledger:Demo</c>): loads the demo portfolio in the background once the host has
/// started, so the API answers at once while the portfolio fills in; never over existing data.
/// </summary>
public static class DemoStartup
{
    public const string DemoSetting = "Ledger:Demo";
    public const string PartnershipsSetting = "Ledger:DemoPartnerships";
    public const string LoggerName = "PartnershipLedger.Demo";

    public static void LoadDemoPortfolioWhenAsked(this IHost host)
    {
        var configuration = host.Services.GetRequiredService<IConfiguration>();
        if (!configuration.GetValue<bool>(DemoSetting)) return;
        var partnerships = configuration.GetValue(PartnershipsSetting, DemoPortfolio.DefaultPartnerships);
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(LoggerName);
        lifetime.ApplicationStarted.Register(() => _ = Task.Run(async () =>
        {
            try
            {
                await LoadUnlessPresentAsync(host.Services, partnerships, logger, lifetime.ApplicationStopping);
            }
            catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                logger.LogWarning("Demo: loading stopped because the host is shutting down; the ledger holds part of the demo.");
            }
            catch (Exception failure)
            {
                logger.LogError(failure, "Demo: the portfolio could not be loaded.");
            }
        }));
    }

    /// <summary>Generates the demo for now and records it, unless the ledger already holds organizations. Returns null when nothing was loaded.</summary>
    public static async Task<DemoLoadResult?> LoadUnlessPresentAsync(IServiceProvider services, int partnerships, ILogger logger, CancellationToken cancellation = default)
    {
        await using (var session = services.GetRequiredService<IDocumentStore>().QuerySession())
        {
            var organizations = await session.Query<Organization>().CountAsync(cancellation);
            if (organizations > 0)
            {
                logger.LogInformation("Demo: the ledger already holds {Organizations} organizations, so the demo is already there (or other data is): nothing loaded.", organizations);
                return null;
            }
        }

        var plan = DemoPortfolio.Generate(services.GetRequiredService<MaturityModel>(), services.GetRequiredService<TimeProvider>().GetUtcNow(), partnerships);
        logger.LogInformation("Demo: loading {Organizations} organizations, {Circles} circles of trust and {Partnerships} partnerships ({Commands} commands)",
            plan.Organizations, plan.Circles, plan.Partnerships.Count, plan.Steps.Count());
        var result = await DemoLoader.LoadAsync(services, plan, logger, cancellation);
        // There is no query listing partnerships: name one of each profile so the demo can be explored.
        var examples = result.Partnerships.GroupBy(partnership => partnership.Profile).Select(group => $"{group.Key} '{group.First().Name}' {group.First().Id}");
        logger.LogInformation("Demo loaded: {Organizations} organizations, {Circles} circles of trust, {Partnerships} partnerships, {Commands} commands in {Seconds:0.0} s. For example: {Examples}",
            result.Organizations, result.Circles, result.Partnerships.Count, result.Commands, result.Elapsed.TotalSeconds, string.Join("; ", examples));
        return result;
    }
}
