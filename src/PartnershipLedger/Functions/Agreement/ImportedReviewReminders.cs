using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PartnershipLedger.Partnerships;
using Wolverine;

namespace PartnershipLedger.Functions.Agreement;

/// <summary>
/// The review reminders an import's agreements are owed, stored with the import's events (one document per import,
/// its correlation id) and scheduled by the API (<see cref="ImportedReviewReminderScheduler"/>): the command line
/// imports without Wolverine's runtime, and scheduling tens of thousands of durable messages belongs to the API anyway.
/// </summary>
public sealed class ImportedReviewReminders
{
    /// <summary>The import's correlation id (import-…), as on its events.</summary>
    public string Id { get; set; } = "";

    public List<AgreementReviewDue> Reminders { get; set; } = [];

    /// <summary>When the API scheduled them; null until then.</summary>
    public DateTimeOffset? ScheduledAt { get; set; }

    /// <summary>
    /// A partnership's reminders as its signing and review commands would have scheduled them: one per signing and
    /// review, due a year later. One already due at <paramref name="now"/> is kept only if its decision on the imported
    /// history records an overdue review (the others would decide nothing when they fire); the API runs it after the
    /// reminder grace, as for a back-dated command.
    /// </summary>
    public static IEnumerable<AgreementReviewDue> Of(Partnership partnership, DateTimeOffset now)
    {
        foreach (var (agreementId, agreement) in partnership.Agreements)
            foreach (var reviewedAt in agreement.ReviewedAt.Prepend(agreement.SignedAt).Distinct())
            {
                var due = new AgreementReviewDue(partnership.Id, agreementId, AgreementReviewDue.DueAfter(reviewedAt));
                if (due.DueAt > now || due.Decide(partnership).Any()) yield return due;
            }
    }
}

/// <summary>
/// Schedules the review reminders of imports (<see cref="ImportedReviewReminders"/> not scheduled yet) as durable
/// Wolverine messages: at start, then every <see cref="Interval"/>, so an import from the command line gets its
/// reminders once the API runs (at once after an import through the API: <see cref="Nudge"/>). A reminder already due waits the reminder grace, as a back-dated command's does.
/// Should two nodes schedule the same import's reminders, the second of each changes nothing: a reminder records an
/// overdue review once per due instant.
/// </summary>
public sealed class ImportedReviewReminderScheduler(
    IServiceProvider services, TimeProvider clock, ReminderGrace grace, IConfiguration configuration, ILogger<ImportedReviewReminderScheduler> logger)
    : BackgroundService
{
    /// <summary>How often it looks for imports whose reminders are not scheduled yet (setting Ledger:ImportedRemindersInterval).</summary>
    public TimeSpan Interval { get; } = configuration.GetValue("Ledger:ImportedRemindersInterval", TimeSpan.FromSeconds(30));

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await ScheduleAsync(stopping);
            }
            catch (Exception problem) when (!stopping.IsCancellationRequested)
            {
                logger.LogWarning(problem, "Scheduling imported agreements' review reminders failed; trying again in {Interval}", Interval);
            }
            try { await nudged.WaitAsync(Interval, stopping); }
            catch (OperationCanceledException) { return; }
        }
    }

    private readonly SemaphoreSlim nudged = new(0);

    /// <summary>Looks for reminders to schedule now rather than at the next interval (after an import through the API).</summary>
    public void Nudge()
    {
        if (nudged.CurrentCount == 0) nudged.Release();
    }

    /// <summary>Schedules every import's reminders not scheduled yet; how many were scheduled.</summary>
    public async Task<int> ScheduleAsync(CancellationToken cancellation)
    {
        using var scope = services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IDocumentStore>();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        await using var session = store.LightweightSession();
        var pending = await session.Query<ImportedReviewReminders>().Where(x => x.ScheduledAt == null).ToListAsync(cancellation);
        var scheduled = 0;
        foreach (var import in pending)
        {
            var now = clock.GetUtcNow();
            foreach (var reminder in import.Reminders)
            {
                await bus.ScheduleAsync(reminder, reminder.DueAt > now ? reminder.DueAt : now + grace.Delay);
                scheduled++;
            }
            import.ScheduledAt = now;
            session.Store(import);
            await session.SaveChangesAsync(cancellation);
            logger.LogInformation("Scheduled {Count} review reminders of import {Import}", import.Reminders.Count, import.Id);
        }
        return scheduled;
    }
}
