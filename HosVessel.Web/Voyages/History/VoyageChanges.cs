namespace HosVessel.Web.Voyages.History;

/// <summary>
/// One entry of the voyage history: at <paramref name="At"/> (UTC, ISO-8601) the push changed
/// <paramref name="Field"/> (the push's dotted path, or <see cref="VoyageChanges.FeedField"/>) of one ship.
/// </summary>
public sealed record VoyageEvent(string At, string VesselKey, string VesselName, string Field, string? Old, string? New)
{
    public bool IsFeedMembership => Field == VoyageChanges.FeedField;

    public bool EnteredFeed => IsFeedMembership && New == VoyageChanges.Present;
}

/// <summary>What a push changes compared with the stored voyages: the rule behind the voyage history.</summary>
public static class VoyageChanges
{
    /// <summary>The pseudo-field of a ship entering (<see cref="Absent"/> → <see cref="Present"/>) or leaving the feed.</summary>
    public const string FeedField = "feed";
    public const string Present = "present";
    public const string Absent = "absent";

    // The name is the key the two sides are matched by, so it never "changes".
    private static readonly VoyageField[] ComparedFields = [.. VoyageFieldTable.All.Where(f => f != VoyageFieldTable.VesselName)];

    /// <summary>
    /// Every value that differs between <paramref name="stored"/> and <paramref name="pushed"/> (matched by
    /// normalised name), plus one event per ship entering or leaving. Null and empty count as the same value,
    /// so a feed that sends "" where it used to omit the field makes no noise.
    /// </summary>
    public static List<VoyageEvent> Between(IReadOnlyList<Voyage> stored, IReadOnlyList<Voyage> pushed, string at)
    {
        var before = stored.ToDictionary(v => v.VesselName, StringComparer.Ordinal);
        var events = new List<VoyageEvent>();
        foreach (var voyage in pushed)
        {
            if (!before.Remove(voyage.VesselName, out var previous))
            {
                events.Add(new(at, voyage.VesselName, voyage.VesselName, FeedField, Absent, Present));
                continue;
            }
            foreach (var field in ComparedFields)
            {
                var old = Clean(field.Get(previous));
                var now = Clean(field.Get(voyage));
                if (!string.Equals(old, now, StringComparison.Ordinal))
                {
                    events.Add(new(at, voyage.VesselName, voyage.VesselName, field.JsonPath, old, now));
                }
            }
        }
        // What is left was stored and is not in this push: the ship left the feed.
        events.AddRange(before.Values.Select(v => new VoyageEvent(at, v.VesselName, v.VesselName, FeedField, Present, Absent)));
        return events;
    }

    private static string? Clean(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
