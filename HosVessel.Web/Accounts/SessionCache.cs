using System.Collections.Concurrent;

namespace HosVessel.Web.Accounts;

/// <summary>
/// Signed-in requests check their session from memory. This process makes every session change (logout,
/// password change, role change, user delete all go through <see cref="UserStore"/>, which calls
/// <see cref="SessionsChanged"/> after committing), so a change drops every cached answer at once; a row
/// is re-read at most every <see cref="MaxAge"/> anyway, for expiry and for changes made by another process.
/// </summary>
public sealed class SessionCache(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    // Only sessions found active are kept; a flood of forged cookies never reaches this.
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> renewedAt = new(StringComparer.Ordinal);
    private long generation;

    /// <summary>The current role of the session's user, or null when the session has ended or expired.</summary>
    public async ValueTask<string?> FindRoleAsync(string sessionId, UserStore store, CancellationToken cancellationToken)
    {
        var now = clock.GetTimestamp();
        if (entries.TryGetValue(sessionId, out var cached)
            && cached.Generation == Volatile.Read(ref generation)
            && clock.GetElapsedTime(cached.ReadAt, now) < MaxAge)
        {
            return cached.Role;
        }
        // Taken before the read: a change committed while it runs makes this answer stale, and so unusable.
        var readGeneration = Volatile.Read(ref generation);
        var role = await store.FindActiveSessionRoleAsync(sessionId, cancellationToken);
        if (role is null)
        {
            entries.TryRemove(sessionId, out _);
            return null;
        }
        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }
        entries[sessionId] = new Entry(role, now, readGeneration);
        return role;
    }

    /// <summary>
    /// True when the session's row deadline was not moved within <paramref name="every"/>, and records the move.
    /// A client that keeps sending its old cookie (several tabs, a retrying app) asks for a renewal on every request;
    /// the row needs one write per interval, not one per request.
    /// </summary>
    public bool ClaimRenewal(string sessionId, DateTimeOffset now, TimeSpan every)
    {
        if (renewedAt.TryGetValue(sessionId, out var last) && now - last < every)
        {
            return false;
        }
        if (renewedAt.Count >= MaxEntries)
        {
            renewedAt.Clear();
        }
        renewedAt[sessionId] = now;
        return true;
    }

    /// <summary>Forgets every cached session: call after committing any change to sessions or users.</summary>
    public void SessionsChanged()
    {
        Interlocked.Increment(ref generation);
        entries.Clear();
    }

    private readonly record struct Entry(string Role, long ReadAt, long Generation);
}
