using System.Collections.Concurrent;
using PartnershipLedger.Import;

namespace PartnershipLedger.Tests.Import;

/// <summary>The threads an import or rebuild shares its work with: one's failure stops the others and is the one reported.</summary>
public sealed class WorkerThreadsTests
{
    [Fact]
    public void A_failing_thread_stops_the_others_and_its_failure_is_thrown_not_their_cancellation()
    {
        using var threads = new WorkerThreads();
        using var queue = new BlockingCollection<int>(boundedCapacity: 1);
        var consumed = new List<int>();
        // One thread (started first, so its cancellation would come first) waits until stopped; the other fails on the second item.
        threads.Start(() =>
        {
            threads.Stopping.WaitHandle.WaitOne();
            threads.Stopping.ThrowIfCancellationRequested();
        });
        threads.Start(() =>
        {
            foreach (var item in queue.GetConsumingEnumerable(threads.Stopping))
            {
                if (consumed.Count == 1) throw new InvalidOperationException("the database refused a row");
                consumed.Add(item);
            }
        });

        // The feeder keeps handing items over until the failure reaches it.
        var handed = Record.Exception(() => { for (var i = 0; i < 1000; i++) threads.Hand(queue, i); });

        Assert.Equal("the database refused a row", Assert.IsType<InvalidOperationException>(handed).Message);
        Assert.True(threads.Stopping.IsCancellationRequested);
        Assert.Equal("the database refused a row", Assert.Throws<InvalidOperationException>(threads.Wait).Message);
        Assert.Equal([0], consumed);
    }

    [Fact]
    public async Task Threads_that_finish_wait_quietly_and_abandoned_ones_stop_without_their_failure_thrown()
    {
        using var done = new WorkerThreads();
        done.Start(() => { });
        done.Wait();

        using var abandoned = new WorkerThreads();
        abandoned.Start(() =>
        {
            abandoned.Stopping.WaitHandle.WaitOne();
            throw new InvalidOperationException("failed while stopping");
        });

        // Releasing threads that finished (as an import does once it is done) and abandoning one that then fails: neither
        // hangs nor throws.
        await done.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));
        await abandoned.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("failed while stopping", Assert.Throws<InvalidOperationException>(abandoned.Wait).Message);
    }
}
