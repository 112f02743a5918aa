using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PartnershipLedger.Partnerships;
using Wolverine;

namespace PartnershipLedger.Functions.Agreement;

/// <summary>
/// The review reminders an import's agreements are owed, stored with the import's events (one document per import
/// that has any, its id the import's correlation id) and scheduled by the API (<see cref="ImportedReviewReminderScheduler"/>,
/// <see cref="ScheduleImportedRemindersHandler"/>): the command line imports without Wolverine's runtime, and
/// scheduling tens of thousands of durable messages belongs to the API anyway.
/// </summary>
public sealed class ImportedReviewReminders
{
    /// <summary>The import's correlation id (import-…), as on its events.</summary>
    public string Id { get; set; } = "";

    public List<AgreementReviewDue> Reminders { get; set; } = [];

    /// <summary>When the API scheduled them; null until then. Also a column of its own (a duplicated field), so looking for the
    /// unscheduled ones reads no document; an import inserts its document with the column null, as it should be.</summary>
    public DateTimeOffset? ScheduledAt { get; set; }

    /// <summary>The imports whose reminders are not scheduled yet (by the duplicated column: no document is read).</summary>
    public static IQueryable<ImportedReviewReminders> Unscheduled(IQuerySession session) =>
        session.Query<ImportedReviewReminders>().Where(x => x.ScheduledAt == null);

    /// <summary>
    /// A partnership's reminders as its signing and review commands would have scheduled them: one per signing and
    /// review, due a year later. One already due at <paramref name="now"/> is kept only if its decision on the imported
    /// history records an overdue review (the others would decide nothing when they fire); the API runs it after the
    /// reminder grace, as for a back-dated command. One due after the agreement expires is left out, as the commands
    /// leave it out (<see cref="AgreementReviewDue.Owed"/>).
    /// </summary>
    public static IEnumerable<AgreementReviewDue> Of(Partnership partnership, DateTimeOffset now)
    {
        foreach (var (agreementId, agreement) in partnership.Agreements)
            foreach (var reviewedAt in agreement.ReviewedAt.Prepend(agreement.SignedAt).Distinct())
            {
                var due = AgreementReviewDue.For(partnership.Id, agreementId, reviewedAt);
                if (!due.Owed(agreement.ExpiresOn)) continue;
                if (due.DueAt > now || due.Decide(partnership).Any()) yield return due;
            }
    }
}

/// <summary>Schedule the review reminders of one import (an <see cref="ImportedReviewReminders"/> document).</summary>
public sealed record ScheduleImportedReminders(string ImportId);

/// <summary>How many reminders were scheduled: 0 when the import's were scheduled already.</summary>
public sealed record ImportedRemindersScheduled(int Reminders);

public static class ScheduleImportedRemindersHandler
{
    /// <summary>
    /// The import's reminders as scheduled messages (a reminder already due waits the reminder grace, as a back-dated
    /// command's does), returned to Wolverine's outbox: they are stored in the same transaction as the document's
    /// ScheduledAt, so a failure or a shutdown leaves either all or none of them. The document's optimistic concurrency
    /// refuses a second node that read it unscheduled at the same time.
    /// </summary>
    public static async Task<(ImportedRemindersScheduled, OutgoingMessages)> Handle(
        ScheduleImportedReminders command, IDocumentSession session, TimeProvider clock, ReminderGrace grace, CancellationToken cancellation)
    {
        var messages = new OutgoingMessages();
        var import = await session.LoadAsync<ImportedReviewReminders>(command.ImportId, cancellation);
        if (import is null || import.ScheduledAt is not null) return (new ImportedRemindersScheduled(0), messages);
        var now = clock.GetUtcNow();
        foreach (var reminder in import.Reminders)
            messages.Schedule(reminder, reminder.FiresAt(now, grace.Delay));
        import.ScheduledAt = now;
        session.Store(import);
        return (new ImportedRemindersScheduled(import.Reminders.Count), messages);
    }
}

/// <summary>
/// Finds imports whose review reminders are not scheduled yet (<see cref="ImportedReviewReminders"/>) and has each
/// scheduled (<see cref="ScheduleImportedReminders"/>): at start, then every <see cref="Interval"/>, so an import from
/// the command line gets its reminders once the API runs (at once after an import through the API: <see cref="Nudge"/>).
/// </summary>
public sealed class ImportedReviewReminderScheduler : BackgroundService
{
    private readonly IServiceProvider services;
    private readonly ILogger<ImportedReviewReminderScheduler> logger;
    private readonly SemaphoreSlim nudged = new(0);

    public ImportedReviewReminderScheduler(IServiceProvider services, IConfiguration configuration, ILogger<ImportedReviewReminderScheduler> logger)
    {
        this.services = services;
        this.logger = logger;
        Interval = configuration.GetValue("Ledger:ImportedRemindersInterval", TimeSpan.FromSeconds(30));
        if (Interval < TimeSpan.FromSeconds(1) || Interval > TimeSpan.FromDays(24))
            throw new InvalidOperationException($"Ledger:ImportedRemindersInterval must be between 1 second and 24 days, not {Interval}.");
    }

    /// <summary>How often it looks for imports whose reminders are not scheduled yet (setting Ledger:ImportedRemindersInterval).</summary>
    public TimeSpan Interval { get; }

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

    /// <summary>Looks for reminders to schedule now rather than at the next interval (after an import through the API).</summary>
    public void Nudge()
    {
        if (nudged.CurrentCount == 0) nudged.Release();
    }

    /// <summary>Schedules every import's reminders not scheduled yet; how many were scheduled.</summary>
    public async Task<int> ScheduleAsync(CancellationToken cancellation)
    {
        using var scope = services.CreateScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        IReadOnlyList<string> pending;
        await using (var query = scope.ServiceProvider.GetRequiredService<IDocumentStore>().QuerySession())
            pending = await ImportedReviewReminders.Unscheduled(query).Select(x => x.Id).ToListAsync(cancellation);
        var scheduled = 0;
        foreach (var import in pending)
        {
            try
            {
                var done = await bus.InvokeAsync<ImportedRemindersScheduled>(new ScheduleImportedReminders(import), cancellation);
                scheduled += done.Reminders;
                if (done.Reminders > 0) logger.LogInformation("Scheduled {Count} review reminders of import {Import}", done.Reminders, import);
            }
            catch (JasperFx.ConcurrencyException)
            {
                // Another node scheduled them meanwhile.
            }
        }
        return scheduled;
    }
}
