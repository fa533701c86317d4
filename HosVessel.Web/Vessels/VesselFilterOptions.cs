namespace HosVessel.Web.Vessels;

/// <summary>The ship types and flags in use, offered by the list page's filter dropdowns.</summary>
public sealed record VesselFilterOptions(IReadOnlyList<string> ShipTypes, IReadOnlyList<string> Flags);

/// <summary>
/// Keeps the dropdown values until the register changes: <see cref="VesselStore"/> calls
/// <see cref="RegisterChanged"/> after each committed write. <c>import-vessels</c> writes from a process of
/// its own, so the values are also re-read once they are <see cref="MaxAge"/> old.
/// </summary>
internal sealed class VesselFilterOptionsCache(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);

    private Snapshot? current;
    private long generation;

    public async ValueTask<VesselFilterOptions> GetAsync(
        Func<CancellationToken, Task<VesselFilterOptions>> load, CancellationToken cancellationToken)
    {
        var now = clock.GetTimestamp();
        if (Volatile.Read(ref current) is { } cached
            && cached.Generation == Volatile.Read(ref generation)
            && clock.GetElapsedTime(cached.ReadAt, now) < MaxAge)
        {
            return cached.Options;
        }
        // Taken before the read: a write committed meanwhile leaves a snapshot that is never used.
        var readGeneration = Volatile.Read(ref generation);
        var options = await load(cancellationToken);
        Volatile.Write(ref current, new Snapshot(options, now, readGeneration));
        return options;
    }

    public void RegisterChanged() => Interlocked.Increment(ref generation);

    private sealed record Snapshot(VesselFilterOptions Options, long ReadAt, long Generation);
}
