namespace PartnershipLedger.Demo;

/// <summary>
/// The demo's only source of chance and of ids: everything comes from one seeded <see cref="System.Random"/>, so the
/// same seed and "now" give the same portfolio. Placeholder ids are drawn from it too (never Guid.NewGuid).
/// </summary>
internal sealed class DemoClock(int seed, DateTimeOffset now)
{
    public Random Random { get; } = new(seed);

    public DateTimeOffset Now { get; } = now;

    public Guid NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.NextBytes(bytes);
        return new Guid(bytes);
    }

    /// <summary>The same day, or the next weekday, at a plausible office time (UTC, on the quarter hour).</summary>
    public DateTimeOffset BusinessTime(DateTimeOffset day)
    {
        var date = day.UtcDateTime.Date;
        date = date.DayOfWeek switch
        {
            DayOfWeek.Saturday => date.AddDays(2),
            DayOfWeek.Sunday => date.AddDays(1),
            _ => date,
        };
        return new DateTimeOffset(date, TimeSpan.Zero).AddHours(Random.Next(8, 17)).AddMinutes(15 * Random.Next(0, 4));
    }

    /// <summary>A business time <paramref name="minDays"/> to <paramref name="maxDays"/> days after <paramref name="instant"/> (at least a day later).</summary>
    public DateTimeOffset DaysAfter(DateTimeOffset instant, int minDays, int maxDays) =>
        BusinessTime(instant.AddDays(Random.Next(Math.Max(1, minDays), Math.Max(1, maxDays) + 1)));

    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    public bool Chance(double probability) => Random.NextDouble() < probability;
}
