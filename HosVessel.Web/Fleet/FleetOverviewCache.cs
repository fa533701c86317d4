using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace HosVessel.Web.Fleet;

/// <summary>
/// The home page's panels, computed once per fleet snapshot, minute and "내 선박" setting rather than per request:
/// building them parses every ship's dates and crew entries, which was a third of a signed-in home page's CPU time.
/// A new snapshot (<see cref="FleetReader"/>) or the next minute (the panels' "now", and so past ETAs and day counts)
/// starts afresh, so no entry outlives the data or the time it was computed for.
/// </summary>
public sealed class FleetOverviewCache(IOptions<FleetOptions> options)
{
    // Users with the same settings share entries; many distinct settings only stop the caching, never the page.
    private const int MaxEntries = 512;

    private sealed record Generation(FleetSnapshot Snapshot, long Minute, ConcurrentDictionary<string, object> Entries)
    {
        // ConcurrentDictionary.Count takes every lock; this counts additions instead.
        public int Added;
    }

    private Generation? current;

    /// <summary>The panels over the whole fleet, or over <paramref name="mine"/>'s ships when given.</summary>
    public FleetOverview Overview(FleetSnapshot fleet, MyFleetSettings? mine, DateTime nowKst) =>
        Get(fleet, nowKst, mine is null ? "all" : "mine\n" + Key(mine),
            () => FleetOverview.Build(mine is null ? fleet.Ships : Mine(fleet, mine, nowKst), Minute(nowKst), options.Value));

    /// <summary>The held ships (<see cref="FleetSnapshot.Ships"/>) <paramref name="settings"/> makes the user's.</summary>
    public IReadOnlyList<FleetShip> Mine(FleetSnapshot fleet, MyFleetSettings settings, DateTime nowKst) =>
        Get<IReadOnlyList<FleetShip>>(fleet, nowKst, "ships\n" + Key(settings), () => [.. fleet.Ships.Where(settings.Includes)]);

    private T Get<T>(FleetSnapshot fleet, DateTime nowKst, string key, Func<T> build) where T : class
    {
        var minute = nowKst.Ticks / TimeSpan.TicksPerMinute;
        var generation = Volatile.Read(ref current);
        if (generation is null || !ReferenceEquals(generation.Snapshot, fleet) || generation.Minute != minute)
        {
            generation = new Generation(fleet, minute, new ConcurrentDictionary<string, object>(StringComparer.Ordinal));
            Volatile.Write(ref current, generation);
        }
        if (generation.Entries.TryGetValue(key, out var hit))
        {
            return (T)hit;
        }
        var built = build();
        if (Interlocked.Increment(ref generation.Added) <= MaxEntries)
        {
            generation.Entries.TryAdd(key, built);
        }
        return built;
    }

    // The panels' "now" is the minute, so every request of that minute gets the same answer.
    private static DateTime Minute(DateTime nowKst) => new(nowKst.Ticks - nowKst.Ticks % TimeSpan.TicksPerMinute, nowKst.Kind);

    private static string Key(MyFleetSettings settings) => $"{settings.SupervisorName?.Trim()}\n{settings.TeamCodesText}";
}
