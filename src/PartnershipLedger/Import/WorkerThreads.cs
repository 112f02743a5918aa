using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace PartnershipLedger.Import;

/// <summary>
/// Long-running threads that share the work of one import or rebuild. When one fails, <see cref="Stopping"/> is
/// cancelled, so the others and whoever feeds them stop; waiting then throws that failure, not the cancellations it caused.
/// </summary>
public sealed class WorkerThreads : IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly List<Task> threads = [];

    /// <summary>Cancelled when a thread failed or the work was abandoned (<see cref="Stop"/>).</summary>
    public CancellationToken Stopping => stopping.Token;

    public void Start(Action work) => threads.Add(Task.Factory.StartNew(() =>
    {
        try
        {
            work();
        }
        catch (Exception problem) when (problem is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            stopping.Cancel();
            throw;
        }
    }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));

    /// <summary>
    /// Hands <paramref name="item"/> to the threads through <paramref name="queue"/>, waiting while it is full; when a
    /// thread has failed meanwhile, throws that failure (the caller feeding them stops with it).
    /// </summary>
    public void Hand<T>(BlockingCollection<T> queue, T item)
    {
        try
        {
            queue.Add(item, Stopping);
        }
        catch (OperationCanceledException) when (Stopping.IsCancellationRequested)
        {
            Wait();
            throw;
        }
    }

    /// <summary>Abandons the work: the threads stop at their next wait or check.</summary>
    public void Stop() => stopping.Cancel();

    /// <summary>Waits for every thread; throws the failure that stopped them, if one did.</summary>
    public void Wait() => WaitAsync(CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc cref="Wait"/>
    public async Task WaitAsync(CancellationToken cancellation)
    {
        try
        {
            await Task.WhenAll(threads).WaitAsync(cancellation);
        }
        catch when (!cancellation.IsCancellationRequested)
        {
            var failure = threads.Select(thread => thread.Exception?.GetBaseException()).FirstOrDefault(problem => problem is not null and not OperationCanceledException);
            if (failure is not null) ExceptionDispatchInfo.Throw(failure);
            throw;
        }
    }

    /// <summary>
    /// Abandons the work (<see cref="Stop"/>) and waits for every thread, whatever became of them: for a caller that is
    /// giving up, or is done and releasing them, whose own exception (if any) is the one that matters.
    /// </summary>
    public async Task StopAsync()
    {
        Stop();
        try { await Task.WhenAll(threads); }
        catch { /* reported by Wait, or superseded by the caller's own exception */ }
    }

    public void Dispose() => stopping.Dispose();
}
