using PartnershipLedger.Access;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;
using PartnershipLedger.Audit;
using PartnershipLedger.CirclesOfTrust;
using PartnershipLedger.Import;
using PartnershipLedger.Maturity;
using PartnershipLedger.Organizations;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Marten;

namespace PartnershipLedger.Api.Storage;

/// <summary>
/// The event store (Marten on PostgreSQL) and the command bus (Wolverine, with its durable inbox, outbox and
/// scheduled messages in the same database). Capabilities add their events and projections here.
/// </summary>
public static class LedgerStore
{
    public const string ConnectionStringName = "Ledger";

    public static void AddLedgerStore(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                $"No database: set the connection string '{ConnectionStringName}' (environment variable ConnectionStrings__{ConnectionStringName}), " +
                "or start the app with ops/run, which starts a local PostgreSQL and sets it.");
        connectionString = DocumentCompression.Apply(connectionString,
            builder.Configuration.GetValue(DocumentCompression.SettingName, DocumentCompression.Default));
        var schema = builder.Configuration["Marten:Schema"] ?? "ledger";
        var distribution = builder.Configuration.GetValue("Ledger:Distribution", ProjectionDistribution.Solo);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services => new PreparedReads(connectionString, services.GetService<ILoggerFactory>()));   // a factory: the container disposes what it made
        builder.Services.AddSingleton(new PartnershipLedger.Functions.Agreement.ReminderGrace(
            builder.Configuration.GetValue("Ledger:ReminderGrace", TimeSpan.FromMinutes(5))));
        builder.Services.CritterStackDefaults(defaults =>
        {
            defaults.Development.GeneratedCodeMode = TypeLoadMode.Dynamic;
            defaults.Production.GeneratedCodeMode = TypeLoadMode.Dynamic;
        });

        var maturity = builder.Services.AddMaturity(builder.Configuration);
        var marten = builder.Services.AddMarten(options =>
            {
                options.Connection(connectionString);
                options.DatabaseSchemaName = schema;
                options.Events.StreamIdentity = StreamIdentity.AsGuid;
                options.Events.MetadataConfig.EnableAll();
                options.Events.MetadataConfig.UserNameEnabled = true;
                options.Events.AddEventTypes(EventCatalogue.AllEventTypes);
                options.Schema.For<RecordedCommand>().Identity(x => x.Id);
                options.Schema.For<ImportReceipt>().Identity(x => x.Id);
                options.Schema.For<PartnershipLedger.Functions.Agreement.ImportedReviewReminders>().Identity(x => x.Id)
                    .UseOptimisticConcurrency(true).Duplicate(x => x.ScheduledAt);
                options.ConfigureOrganizations();
                options.ConfigureAccess();
                options.ConfigurePartnerships();
                options.ConfigureCirclesOfTrust();
                options.ConfigureMaturity(maturity);
                options.ConfigureAudit();
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .InitializeWith(new AuditIndexes());

        // Marten's HotCold daemon cannot take its advisory lock with the DistributedLock stand-in this build
        // ships (see README): one node runs the daemon Solo; several nodes let Wolverine distribute projections.
        if (distribution == ProjectionDistribution.Solo)
            marten.AddAsyncDaemon(DaemonMode.Solo).IntegrateWithWolverine();
        else
            marten.IntegrateWithWolverine(integration => integration.UseWolverineManagedEventSubscriptionDistribution = true);

        builder.Host.UseWolverine(options =>
        {
            options.Durability.Mode = distribution == ProjectionDistribution.Solo ? DurabilityMode.Solo : DurabilityMode.Balanced;
            options.Policies.AutoApplyTransactions();
            options.Policies.UseDurableLocalQueues();
            options.Policies.Add<CommandFailureLogging>();
            // Background messages (reminders) that raced a command on one stream run again on the fresh state;
            // commands invoked from the API are retried by the API itself (CommandFields).
            options.Policies.OnException<JasperFx.ConcurrencyException>()
                .RetryWithCooldown(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(300));
            options.Discovery.IncludeAssembly(typeof(PartnershipLedger.Model.MaturityModel).Assembly);
        });
        builder.Services.AddSingleton<PartnershipLedger.Functions.Agreement.ImportedReviewReminderScheduler>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<PartnershipLedger.Functions.Agreement.ImportedReviewReminderScheduler>());
    }
}

/// <summary>How async projections are run: on this one node, or spread over several nodes by Wolverine.</summary>
public enum ProjectionDistribution
{
    Solo,
    WolverineManaged,
}
