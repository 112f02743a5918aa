using GraphQL.DataLoader;

namespace PartnershipLedger.Graph;

/// <summary>
/// A request-scoped DataLoader: <see cref="Load"/> queues a key and returns a pending result; when GraphQL.NET
/// awaits the first of them, every key queued so far is fetched in one call. So a list of 100 partnerships asking
/// for their maturity costs one query, not 100.
/// </summary>
public sealed class BatchLoader<TKey, TValue>(Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IDictionary<TKey, TValue>>> fetch)
    where TKey : notnull
{
    private readonly HashSet<TKey> queued = [];
    private readonly Dictionary<TKey, TValue> loaded = [];
    private Task? pending;

    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (queued)
            if (!loaded.ContainsKey(key)) queued.Add(key);
        return new Pending(this, key);
    }

    private async Task FetchQueuedAsync(CancellationToken cancellation)
    {
        while (true)
        {
            List<TKey> keys;
            lock (queued)
            {
                if (queued.Count == 0) return;
                keys = queued.ToList();
                queued.Clear();
            }
            foreach (var (key, value) in await fetch(keys, cancellation)) loaded[key] = value;
            foreach (var key in keys) loaded.TryAdd(key, default!);
        }
    }

    private sealed class Pending(BatchLoader<TKey, TValue> loader, TKey key) : IDataLoaderResult<TValue?>
    {
        public async Task<TValue?> GetResultAsync(CancellationToken cancellation = default)
        {
            if (!loader.loaded.ContainsKey(key))
            {
                loader.pending ??= loader.FetchQueuedAsync(cancellation);
                var batch = loader.pending;
                await batch;
                if (ReferenceEquals(loader.pending, batch)) loader.pending = null;
                if (!loader.loaded.ContainsKey(key)) await loader.FetchQueuedAsync(cancellation);
            }
            return loader.loaded[key];
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellation) => await GetResultAsync(cancellation);
    }
}

public static class DataLoaderResults
{
    /// <summary>Maps a pending loader result without awaiting it, so the batch still forms first.</summary>
    public static IDataLoaderResult<TResult> Then<T, TResult>(this IDataLoaderResult<T> result, Func<T, TResult> map) => new Mapped<T, TResult>(result, map);

    private sealed class Mapped<T, TResult>(IDataLoaderResult<T> inner, Func<T, TResult> map) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellation = default) => map(await inner.GetResultAsync(cancellation));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellation) => await GetResultAsync(cancellation);
    }
}
