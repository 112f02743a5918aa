using GraphQL.DataLoader;

namespace PartnershipLedger.Graph;

/// <summary>
/// A request-scoped DataLoader: <see cref="Load"/> (or <see cref="LoadMany"/>) queues keys and returns a pending
/// result; when GraphQL.NET awaits the first of them, every key queued so far is fetched in one call. So a list of
/// 100 partnerships asking for their maturity, or for their members, costs one query, not 100.
/// </summary>
public sealed class BatchLoader<TKey, TValue>(Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IDictionary<TKey, TValue>>> fetch)
    where TKey : notnull
{
    private readonly HashSet<TKey> queued = [];
    private readonly Dictionary<TKey, TValue> loaded = [];
    private Task? pending;

    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        Queue([key]);
        return new Pending(this, key);
    }

    /// <summary>Queues several keys at once; the result lists the values found, in the keys' order.</summary>
    public IDataLoaderResult<IReadOnlyList<TValue>> LoadMany(IReadOnlyCollection<TKey> keys)
    {
        Queue(keys);
        return new PendingMany(this, keys);
    }

    /// <summary>Supplies a value fetched some other way (in a batch with another query): no query for that key then.</summary>
    public void Prime(TKey key, TValue? value)
    {
        lock (queued)
        {
            loaded[key] = value!;
            queued.Remove(key);
        }
    }

    private void Queue(IEnumerable<TKey> keys)
    {
        lock (queued)
            foreach (var key in keys)
                if (!loaded.ContainsKey(key)) queued.Add(key);
    }

    private async Task<TValue?> GetAsync(TKey key, CancellationToken cancellation)
    {
        if (!loaded.ContainsKey(key))
        {
            pending ??= FetchQueuedAsync(cancellation);
            var batch = pending;
            await batch;
            if (ReferenceEquals(pending, batch)) pending = null;
            if (!loaded.ContainsKey(key)) await FetchQueuedAsync(cancellation);
        }
        return loaded[key];
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
        public Task<TValue?> GetResultAsync(CancellationToken cancellation = default) => loader.GetAsync(key, cancellation);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellation) => await GetResultAsync(cancellation);
    }

    private sealed class PendingMany(BatchLoader<TKey, TValue> loader, IReadOnlyCollection<TKey> keys) : IDataLoaderResult<IReadOnlyList<TValue>>
    {
        public async Task<IReadOnlyList<TValue>> GetResultAsync(CancellationToken cancellation = default)
        {
            var values = new List<TValue>(keys.Count);
            foreach (var key in keys)
                if (await loader.GetAsync(key, cancellation) is { } value) values.Add(value);
            return values;
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
