using System.Collections.Concurrent;

namespace HosVessel.Web.Data;

/// <summary>
/// Values read from the database, kept while this process commits no write (<see cref="Database.CommittedWrites"/>:
/// any write, so the answer after a push, an edit or a setting saved is always read afresh) and for at most
/// <paramref name="maxAge"/>, which bounds how late a write by another process (a CLI command, sqlite3 by hand) shows.
/// Holds at most <paramref name="maxEntries"/> values; past that it starts empty again.
/// </summary>
public sealed class ReadCache<TKey, TValue>(TimeProvider clock, TimeSpan maxAge, int maxEntries) where TKey : notnull
{
    private sealed record Entry(TValue Value, long Writes, long ReadAt);

    private readonly ConcurrentDictionary<TKey, Entry> entries = new();

    // ConcurrentDictionary.Count takes every lock; this counts additions instead.
    private int added;

    public async ValueTask<TValue> GetAsync(TKey key, Func<TKey, CancellationToken, Task<TValue>> read, CancellationToken cancellationToken)
    {
        // Taken before the read: a write committed during it makes the entry stale at once.
        var writes = Database.CommittedWrites;
        var now = clock.GetTimestamp();
        if (entries.TryGetValue(key, out var hit) && hit.Writes == writes && clock.GetElapsedTime(hit.ReadAt, now) < maxAge)
        {
            return hit.Value;
        }
        var value = await read(key, cancellationToken);
        if (Interlocked.Increment(ref added) > maxEntries)
        {
            entries.Clear();
            Interlocked.Exchange(ref added, 0);
        }
        entries[key] = new Entry(value, writes, now);
        return value;
    }
}
